//! Compile-fail cases: each `tests/ui/*.rs` must fail to compile with exactly its `.stderr`.
//! The `.stderr` files are for this repository's one stable toolchain; regenerate them with
//! `TRYBUILD=overwrite cargo test --test compiletest` and review the diff like code.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

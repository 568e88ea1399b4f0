//! Compile-fail cases: each `tests/ui/<group>/*.rs` must fail to compile with exactly its
//! `.stderr`: one error, on the offending token, that says what is wrong and how to fix it.
//! The `.stderr` files are for this repository's one stable toolchain; regenerate them with
//! `TRYBUILD=overwrite cargo test --test compiletest` and review the diff like code.
//!
//! Groups: `path/` (path templates), `type-name/`, `attribute/` (keys, values, error
//! collection and the stub impls after an error), `shape/` (what each derive accepts),
//! `use/` (the generated API misused).

#[test]
#[cfg_attr(miri, ignore)]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
}

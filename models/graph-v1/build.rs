//! Generates the model from `../shared/corpus/csdl-full/v1.0-Prod.csdl` (beside the repository,
//! as CI lays it out) into `OUT_DIR/mod.rs`.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let csdl = manifest.join("../../../shared/corpus/csdl-full/v1.0-Prod.csdl");
    println!("cargo::rerun-if-changed={}", csdl.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    if let Err(error) = odata_resource_codegen::Generator::new().generate_file(&csdl, &out) {
        panic!(
            "generating the Graph v1.0 model from {}: {error}",
            csdl.display()
        );
    }
}

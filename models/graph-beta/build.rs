//! The model, from the corpus beside the repository (as CI lays it out).

fn main() {
    odata_resource_codegen::Generator::new()
        .build_script("../../../shared/corpus/csdl-full/beta-USNat.csdl");
}

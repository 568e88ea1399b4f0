//! `odata-resource-codegen --csdl FILE --out DIR [--crate-path PATH] [--max-depth N]
//! [--max-variants N] [--serde | --plain] [--instantiate]`

use std::process::ExitCode;

use odata_resource_codegen::{Generator, Mode};

const USAGE: &str = "usage: odata-resource-codegen --csdl FILE --out DIR [--crate-path PATH] [--max-depth N] [--max-paths N] [--max-variants N] [--serde | --plain] [--instantiate]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(path) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<std::path::PathBuf, String> {
    let mut generator = Generator::new();
    let (mut csdl, mut out) = (None, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--csdl" => csdl = Some(value("--csdl")?),
            "--out" => out = Some(value("--out")?),
            "--crate-path" => generator = generator.crate_path(value("--crate-path")?),
            "--max-depth" => {
                let n = value("--max-depth")?;
                generator = generator.max_depth(
                    n.parse()
                        .map_err(|_| format!("--max-depth: `{n}` is not a number"))?,
                );
            }
            "--max-paths" => {
                let n = value("--max-paths")?;
                generator = generator.max_paths(
                    n.parse()
                        .map_err(|_| format!("--max-paths: `{n}` is not a number"))?,
                );
            }
            "--max-variants" => {
                let n = value("--max-variants")?;
                generator = generator.max_variants(
                    n.parse()
                        .map_err(|_| format!("--max-variants: `{n}` is not a number"))?,
                );
            }
            "--serde" => generator = generator.mode(Mode::Serde),
            "--plain" => generator = generator.mode(Mode::Plain),
            "--instantiate" => generator = generator.instantiate(true),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let csdl = csdl.ok_or(format!("--csdl is required\n{USAGE}"))?;
    let out = out.ok_or(format!("--out is required\n{USAGE}"))?;
    generator
        .generate_file(&csdl, &out)
        .map_err(|e| format!("{csdl}: {e}"))
}

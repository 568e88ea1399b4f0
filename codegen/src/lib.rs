//! `odata-resource-codegen`: a service's CSDL (`$metadata`) → the annotated Rust structs a person
//! would write with `odata-resource`'s derives, one module per namespace segment.
//!
//! ```no_run
//! // in build.rs's `main`:
//! odata_resource_codegen::Generator::new()
//!     .max_depth(2)
//!     .build_script("metadata.csdl");
//! // in lib.rs: include!(concat!(env!("OUT_DIR"), "/mod.rs"));
//! ```
//!
//! What each CSDL construct becomes is listed in the README ("Generate a whole model").
//! Nothing is written when the document has an error: [`Error`] names the element and its line.

mod csdl;
mod emit;
mod error;
mod model;
mod names;

use std::path::{Path, PathBuf};

pub use error::Error;

/// What the generated types derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `odata-resource`'s derives (the product).
    OData,
    /// The same types with serde derive (`#[serde(flatten)]` for undeclared properties,
    /// internally tagged enums for polymorphic properties, with an untagged variant of the
    /// base type last for a value without `@odata.type` or of a type the model does not
    /// declare): the baseline of `benches/whole_model.sh` and
    /// `benches/generated_pages.sh`. Not a supported way to use the model.
    Serde,
    /// The serde mode's types with nothing derived but `Debug`, `Clone`, `PartialEq` (and
    /// `Eq` / `Hash` / `Default` where the other modes derive them): what any model of these
    /// types costs to compile before a serialization derive adds to it, the floor that
    /// `benches/whole_model.sh` measures the two derives above. Not a supported way to use the
    /// model.
    Plain,
}

/// The generator's settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The facade's path in generated code.
    pub crate_path: String,
    /// Containment navigation steps below an entity set or singleton that get paths.
    pub max_depth: usize,
    /// The most paths (and, apart, collection paths) one entity type gets; the shallowest are
    /// kept.
    pub max_paths: usize,
    /// A base type with more concrete derived types than this reads them into its unknown
    /// variant instead of a variant each.
    pub max_variants: usize,
    /// What the types derive.
    pub mode: Mode,
    /// Also emit `__instantiate_all`, which reads and writes every struct once (the
    /// benchmark's "instantiated" build).
    pub instantiate: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            crate_path: "::odata_resource".to_owned(),
            max_depth: 2,
            max_paths: 24,
            max_variants: 64,
            mode: Mode::OData,
            instantiate: false,
        }
    }
}

/// Generates a model from CSDL.
///
/// ```
/// let csdl = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
///   <edmx:DataServices>
///     <Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">
///       <EntityType Name="team">
///         <Key><PropertyRef Name="id" /></Key>
///         <Property Name="id" Type="Edm.String" Nullable="false" />
///         <Property Name="displayName" Type="Edm.String" />
///       </EntityType>
///       <EntityContainer Name="c"><EntitySet Name="teams" EntityType="ns.team" /></EntityContainer>
///     </Schema>
///   </edmx:DataServices>
/// </edmx:Edmx>"#;
/// let source = odata_resource_codegen::Generator::new().generate(csdl)?;
/// assert!(source.contains("pub struct Team {"));
/// assert!(source.contains(r#"#[odata(path(teams = "/teams/{team-id}"))]"#));
///
/// let error = odata_resource_codegen::Generator::new().generate("not xml").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "line 1: not a CSDL document: no <Schema> element: this is not a CSDL document"
/// );
/// # Ok::<(), odata_resource_codegen::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Generator {
    options: Options,
}

impl Generator {
    /// Default settings: facade `::odata_resource`, paths two containment steps deep, at most 64
    /// derived types per polymorphic enum.
    pub fn new() -> Self {
        Self::default()
    }

    /// The facade's path (default `::odata_resource`): absolute, e.g. `::my_sdk::odata`.
    #[must_use]
    pub fn crate_path(mut self, path: impl Into<String>) -> Self {
        self.options.crate_path = path.into();
        self
    }

    /// How many containment navigation steps below an entity set or singleton get paths
    /// (default 2: `/teams/{team-id}/channels/{channel-id}/messages/{chatMessage-id}`).
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.options.max_depth = depth;
        self
    }

    /// The most paths one entity type gets (default 24; collection paths count apart): a type
    /// reachable many ways keeps the shallowest, in document order.
    #[must_use]
    pub fn max_paths(mut self, paths: usize) -> Self {
        self.options.max_paths = paths;
        self
    }

    /// The most derived types a polymorphic enum gets a variant each for (default 64).
    #[must_use]
    pub fn max_variants(mut self, variants: usize) -> Self {
        self.options.max_variants = variants;
        self
    }

    /// What the types derive (default [`Mode::OData`]).
    #[must_use]
    pub fn mode(mut self, mode: Mode) -> Self {
        self.options.mode = mode;
        self
    }

    /// Also emits `__instantiate_all(json: &[u8]) -> usize`, which reads every struct from
    /// `json` and writes it back: a build of the model then compiles every type's reading and
    /// writing (what `benches/whole_model.sh` measures).
    #[doc(hidden)]
    #[must_use]
    pub fn instantiate(mut self, on: bool) -> Self {
        self.options.instantiate = on;
        self
    }

    /// The generated module's source, formatted.
    ///
    /// # Errors
    /// The document is not XML or not valid CSDL ([`Error::Xml`], [`Error::Element`]).
    pub fn generate(&self, csdl: &str) -> Result<String, Error> {
        if !self.options.crate_path.starts_with("::")
            && !self.options.crate_path.starts_with("crate::")
        {
            return Err(Error::Setting(format!(
                "the crate path must be absolute (`::name` or `crate::…`), not `{}`",
                self.options.crate_path
            )));
        }
        let document = csdl::parse(csdl)?;
        let model = model::resolve(&document, &self.options)?;
        let tokens = emit::emit(&model, &self.options);
        let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Internal(e.to_string()))?;
        let header =
            "// Generated by odata-resource-codegen from a CSDL document. Do not edit.\n\n";
        Ok(format!("{header}{}", prettyplease::unparse(&file)))
    }

    /// For a `build.rs`: generates `OUT_DIR/mod.rs` from `csdl` (relative to the package's
    /// directory) and tells cargo to run again when the file changes. Include the result with
    /// `include!(concat!(env!("OUT_DIR"), "/mod.rs"));`.
    ///
    /// # Panics
    /// On any [`Error`], with its message (a build script reports by failing), or when not run
    /// by cargo as a build script (no `OUT_DIR`).
    pub fn build_script(&self, csdl: impl AsRef<Path>) {
        let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_default();
        let csdl = manifest.join(csdl);
        println!("cargo::rerun-if-changed={}", csdl.display());
        let Some(out) = std::env::var_os("OUT_DIR") else {
            panic!("OUT_DIR is not set: `build_script` is for a build.rs run by cargo");
        };
        if let Err(error) = self.generate_file(&csdl, PathBuf::from(out)) {
            panic!("generating the model from {}: {error}", csdl.display());
        }
    }

    /// Reads `csdl`, writes `out/mod.rs`. The file is written whole or not at all (a temporary
    /// file renamed into place), and left alone when its content would not change.
    ///
    /// # Errors
    /// As [`generate`](Self::generate), and [`Error::Io`].
    pub fn generate_file(
        &self,
        csdl: impl AsRef<Path>,
        out: impl AsRef<Path>,
    ) -> Result<PathBuf, Error> {
        let csdl = csdl.as_ref();
        let text = std::fs::read_to_string(csdl).map_err(|source| Error::Io {
            path: csdl.to_owned(),
            source,
        })?;
        let source = self.generate(&text)?;
        let out = out.as_ref();
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Io { path, source }
        };
        std::fs::create_dir_all(out).map_err(io(out))?;
        let target = out.join("mod.rs");
        if std::fs::read_to_string(&target).is_ok_and(|old| old == source) {
            return Ok(target);
        }
        let temporary = out.join(".mod.rs.tmp");
        std::fs::write(&temporary, source).map_err(io(&temporary))?;
        std::fs::rename(&temporary, &target).map_err(io(&target))?;
        Ok(target)
    }
}

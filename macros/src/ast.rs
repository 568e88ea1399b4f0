//! The intermediate representation: the user's item with its attributes read, borrowing syn's
//! nodes. Invalid parts are left out (after recording an error), so the expansion made from it
//! causes no follow-on errors.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, LitStr, Type, Visibility};

use crate::attr::{self, PathAttr};
use crate::case::{pascal_to_lower_camel, snake_to_lower_camel};
use crate::ctxt::Ctxt;
use crate::symbol::{CONTAINER_KEYS, ENUM_KEYS};

/// Which derive is running.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Resource,
    ComplexType,
    Enum,
    Polymorphic,
}

impl Kind {
    pub fn derive_name(self) -> &'static str {
        match self {
            Kind::Resource => "Resource",
            Kind::ComplexType => "ComplexType",
            Kind::Enum => "ODataEnum",
            Kind::Polymorphic => "Polymorphic",
        }
    }
}

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub kind: Kind,
    /// `namespace.Name` (Resource and ComplexType).
    pub type_name: Option<LitStr>,
    /// Whether `type` was written at all, even with a bad value.
    pub type_seen: bool,
    pub paths: Vec<PathAttr>,
    /// How generated code reaches the facade: `::odata_resource` or the `crate` override.
    pub krate: TokenStream,
    pub no_type_annotation: bool,
    pub data: Data<'a>,
}

pub enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
    Polymorphic(Vec<PolymorphicVariant<'a>>),
}

/// What a variant of a `Polymorphic` enum stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PolymorphicRole {
    /// A derived type, chosen when `@odata.type` names it.
    Derived,
    /// `#[odata(base)]`: the declared type, chosen when there is no `@odata.type`.
    Base,
    /// `#[odata(unknown)]`: holds an object of a type nobody declared.
    Unknown,
}

/// `Variant(Type)` of a `Polymorphic` enum.
pub struct PolymorphicVariant<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    pub role: PolymorphicRole,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Property,
    Additional,
    Annotations,
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// `T` when the field is `Option<T>`.
    pub option_inner: Option<&'a Type>,
    /// The JSON member name.
    pub wire: String,
    /// Where the wire name came from (the `rename` literal, or the field's name).
    pub wire_span: TokenStream,
    /// The user's `#[odata(read_only)]`.
    pub read_only: bool,
    /// Whether the builder gets a setter for it and bodies write it: a property that is not
    /// read-only, unless `check` found it unusable (its error is reported instead).
    pub writable: bool,
    /// Whether the builder gets a method that fails to compile with "read-only" when called
    /// (set by `check` for read-only properties whose name no builder method takes).
    pub read_only_stub: bool,
    pub non_nullable: bool,
    pub role: Role,
    pub attrs: attr::Field,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub wire: String,
    pub other: bool,
}

impl<'a> Container<'a> {
    /// Reads the item; when its shape does not fit the derive at all, `Err` with the crate path
    /// (for the stub impls).
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput, kind: Kind) -> Result<Self, TokenStream> {
        let keys = if matches!(kind, Kind::Enum | Kind::Polymorphic) {
            ENUM_KEYS
        } else {
            CONTAINER_KEYS
        };
        let attrs = attr::Container::from_attrs(cx, &input.attrs, keys);
        let krate = match &attrs.krate {
            Some(path) => path.to_token_stream(),
            None => quote!(::odata_resource),
        };
        if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
            // The stubs of `fallback::for_shape` carry the generics, so no follow-on error.
            let spanned = match &input.generics.where_clause {
                Some(clause) if input.generics.params.is_empty() => clause.to_token_stream(),
                _ => input.generics.to_token_stream(),
            };
            cx.error_spanned_by(
                spanned,
                format!(
                    "#[derive({})] does not support generic types: an OData type is concrete; write one type per OData type",
                    kind.derive_name()
                ),
            );
            return Err(krate);
        }
        let data = match (&input.data, kind) {
            (syn::Data::Struct(data), Kind::Resource | Kind::ComplexType) => {
                match fields_from_ast(cx, input, data, kind) {
                    Some(fields) => Data::Struct(fields),
                    None => return Err(krate),
                }
            }
            (syn::Data::Enum(data), Kind::Enum) if data.variants.is_empty() => {
                cx.error_spanned_by(
                    &input.ident,
                    "an ODataEnum needs at least one member: an OData enumeration type has members",
                );
                return Err(krate);
            }
            (syn::Data::Enum(data), Kind::Enum) => Data::Enum(variants_from_ast(cx, data)),
            (syn::Data::Enum(data), Kind::Polymorphic) => {
                Data::Polymorphic(polymorphic_from_ast(cx, input, data))
            }
            (syn::Data::Struct(data), Kind::Polymorphic) => {
                cx.error_spanned_by(
                    data.struct_token,
                    "#[derive(Polymorphic)] needs an enum with one `Variant(Type)` per derived type",
                );
                return Err(krate);
            }
            (syn::Data::Enum(data), _) => {
                cx.error_spanned_by(
                    data.enum_token,
                    format!(
                        "#[derive({})] needs a struct with named fields; for an OData enumeration use #[derive(ODataEnum)]",
                        kind.derive_name()
                    ),
                );
                return Err(krate);
            }
            (syn::Data::Union(data), _) => {
                cx.error_spanned_by(
                    data.union_token,
                    format!("#[derive({})] does not support unions", kind.derive_name()),
                );
                return Err(krate);
            }
            (syn::Data::Struct(data), Kind::Enum) => {
                cx.error_spanned_by(
                    data.struct_token,
                    "#[derive(ODataEnum)] needs an enum; for a structured type use #[derive(Resource)] or #[derive(ComplexType)]",
                );
                return Err(krate);
            }
        };
        Ok(Container {
            ident: &input.ident,
            vis: &input.vis,
            kind,
            type_name: attrs.type_name,
            type_seen: attrs.type_seen,
            paths: attrs.paths,
            krate,
            no_type_annotation: attrs.no_type_annotation,
            data,
        })
    }

    pub fn fields(&self) -> &[Field<'a>] {
        match &self.data {
            Data::Struct(fields) => fields,
            Data::Enum(_) | Data::Polymorphic(_) => &[],
        }
    }

    /// Declared properties (not the additional or annotations fields).
    pub fn properties(&self) -> impl Iterator<Item = &Field<'a>> {
        self.fields().iter().filter(|f| f.role == Role::Property)
    }

    /// The field with this role, if any.
    pub fn field_with(&self, role: Role) -> Option<&Field<'a>> {
        self.fields().iter().find(|f| f.role == role)
    }
}

fn fields_from_ast<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    data: &'a syn::DataStruct,
    kind: Kind,
) -> Option<Vec<Field<'a>>> {
    let named = match &data.fields {
        syn::Fields::Named(named) => named,
        syn::Fields::Unnamed(unnamed) => {
            cx.error_spanned_by(
                unnamed,
                format!(
                    "#[derive({})] needs named fields: each field is an OData property",
                    kind.derive_name()
                ),
            );
            return None;
        }
        syn::Fields::Unit => {
            cx.error_spanned_by(
                &input.ident,
                format!(
                    "#[derive({})] needs a struct with named fields, not a unit struct",
                    kind.derive_name()
                ),
            );
            return None;
        }
    };
    Some(
        named
            .named
            .iter()
            .filter_map(|f| field_from_ast(cx, f))
            .collect(),
    )
}

fn field_from_ast<'a>(cx: &Ctxt, field: &'a syn::Field) -> Option<Field<'a>> {
    let ident = field.ident.as_ref()?;
    let attrs = attr::Field::from_attrs(cx, &field.attrs);
    let role = match (&attrs.additional, &attrs.annotations) {
        (Some(_), Some(annotations)) => {
            cx.error_spanned_by(
                annotations,
                "a field cannot be both `additional` (undeclared properties, a `Map<String, Value>`) and `annotations` (`@…` members, an `Annotations`): use one field for each",
            );
            Role::Additional
        }
        (Some(_), None) => Role::Additional,
        (None, Some(_)) => Role::Annotations,
        (None, None) => Role::Property,
    };
    let (wire, wire_span) = match &attrs.rename {
        Some(lit) => (lit.value(), lit.to_token_stream()),
        None => (
            snake_to_lower_camel(&ident.to_string()),
            ident.to_token_stream(),
        ),
    };
    Some(Field {
        ident,
        ty: &field.ty,
        option_inner: option_inner(&field.ty),
        wire,
        wire_span,
        read_only: attrs.read_only.is_some(),
        writable: attrs.read_only.is_none(),
        read_only_stub: false,
        non_nullable: attrs.non_nullable.is_some(),
        role,
        attrs,
    })
}

/// `T` for `Option<T>` (written with any path ending in `Option`).
fn option_inner(ty: &Type) -> Option<&Type> {
    type_argument(ty, "Option")
}

/// `T` for `Vec<T>` (written with any path ending in `Vec`).
pub fn vec_item(ty: &Type) -> Option<&Type> {
    type_argument(ty, "Vec")
}

/// `T` for `Name<T>` (written with any path ending in `Name`).
fn type_argument<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// Whether a type is written as a path whose last segment is `name`.
pub fn last_segment_is(ty: &Type, name: &str) -> bool {
    match ty {
        Type::Path(path) => path.path.segments.last().is_some_and(|s| s.ident == name),
        _ => false,
    }
}

fn variants_from_ast<'a>(cx: &Ctxt, data: &'a syn::DataEnum) -> Vec<Variant<'a>> {
    let mut variants: Vec<Variant<'a>> = Vec::new();
    for variant in &data.variants {
        let attrs = attr::Variant::from_attrs(cx, &variant.attrs);
        if attrs.other {
            if let Some(first) = variants.iter().find(|v| v.other) {
                let mut error = syn::Error::new_spanned(
                    &variant.ident,
                    "only one variant can be `#[odata(other)]`: it receives every unknown member; remove the attribute here",
                );
                error.combine(syn::Error::new_spanned(
                    first.ident,
                    "the first `other` variant",
                ));
                cx.syn_error(error);
                continue;
            }
            if !is_string_tuple(&variant.fields) {
                let spanned = match &variant.fields {
                    syn::Fields::Unit => variant.ident.to_token_stream(),
                    syn::Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                        f.unnamed[0].ty.to_token_stream()
                    }
                    fields => fields.to_token_stream(),
                };
                cx.error_spanned_by(
                    spanned,
                    format!(
                        "the `#[odata(other)]` variant holds the unknown member's text: write `{}(String)`",
                        variant.ident
                    ),
                );
                continue;
            }
            if let Some(rename) = &attrs.rename {
                cx.error_spanned_by(
                    rename,
                    "the `other` variant has no wire name of its own (it keeps whatever it receives): remove `rename`",
                );
            }
        } else if !matches!(variant.fields, syn::Fields::Unit) {
            let message = if is_string_tuple(&variant.fields) {
                format!(
                    "an ODataEnum member carries no data: if `{}` is the catch-all for unknown members, mark it `#[odata(other)]`",
                    variant.ident
                )
            } else {
                format!(
                    "an ODataEnum member carries no data: write `{}`; only the one `#[odata(other)]` variant holds data, as `Other(String)`",
                    variant.ident
                )
            };
            cx.error_spanned_by(&variant.fields, message);
            continue;
        }
        let wire = match &attrs.rename {
            Some(lit) => lit.value(),
            None => pascal_to_lower_camel(&variant.ident.to_string()),
        };
        if !attrs.other {
            if let Some(first) = variants.iter().find(|v| !v.other && v.wire == wire) {
                let spanned: Box<dyn ToTokens> = match &attrs.rename {
                    Some(lit) => Box::new(lit.clone()),
                    None => Box::new(variant.ident.clone()),
                };
                let mut error = syn::Error::new(
                    spanned.to_token_stream().span(),
                    format!("two variants have the wire name \"{wire}\": rename one"),
                );
                error.combine(syn::Error::new_spanned(
                    first.ident,
                    format!("\"{wire}\" first used here"),
                ));
                cx.syn_error(error);
                continue;
            }
        }
        variants.push(Variant {
            ident: &variant.ident,
            wire,
            other: attrs.other,
        });
    }
    variants
}

fn is_string_tuple(fields: &syn::Fields) -> bool {
    match fields {
        syn::Fields::Unnamed(unnamed) => {
            unnamed.unnamed.len() == 1 && last_segment_is(&unnamed.unnamed[0].ty, "String")
        }
        _ => false,
    }
}

/// The variants of a `Polymorphic` enum: each `Variant(Type)`, exactly one `#[odata(base)]`, at
/// most one `#[odata(unknown)]` (holding an `odata_resource::UnknownType`).
fn polymorphic_from_ast<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    data: &'a syn::DataEnum,
) -> Vec<PolymorphicVariant<'a>> {
    let mut variants: Vec<PolymorphicVariant<'a>> = Vec::new();
    for variant in &data.variants {
        let attrs = attr::PolymorphicVariant::from_attrs(cx, &variant.attrs);
        let ty = match &variant.fields {
            syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => &fields.unnamed[0].ty,
            _ => {
                cx.error_spanned_by(
                    variant,
                    "each variant of a Polymorphic enum holds one type: `TeamsAsyncOperation(TeamsAsyncOperation)`",
                );
                continue;
            }
        };
        let role = match (&attrs.base, &attrs.unknown) {
            (Some(base), Some(_)) => {
                cx.error_spanned_by(base, "a variant is either `base` or `unknown`, not both");
                continue;
            }
            (Some(_), None) => PolymorphicRole::Base,
            (None, Some(_)) => PolymorphicRole::Unknown,
            (None, None) => PolymorphicRole::Derived,
        };
        if role != PolymorphicRole::Derived {
            if let Some(first) = variants.iter().find(|v| v.role == role) {
                let key = if role == PolymorphicRole::Base {
                    "base"
                } else {
                    "unknown"
                };
                let mut error = syn::Error::new_spanned(
                    &variant.ident,
                    format!("a second `{key}` variant: a Polymorphic enum has one"),
                );
                error.combine(syn::Error::new_spanned(
                    first.ident,
                    format!("the first `{key}` variant"),
                ));
                cx.syn_error(error);
                continue;
            }
        }
        variants.push(PolymorphicVariant {
            ident: &variant.ident,
            ty,
            role,
        });
    }
    if !variants.iter().any(|v| v.role == PolymorphicRole::Base) {
        cx.error_spanned_by(
            &input.ident,
            "a Polymorphic enum needs one `#[odata(base)]` variant: the declared type, read when a value has no `@odata.type`",
        );
    }
    variants
}

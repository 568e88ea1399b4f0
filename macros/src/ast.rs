//! The intermediate representation: the user's item with its attributes read, borrowing syn's
//! nodes. It only shapes what was read; the rules about it are `check`'s, which reports what
//! breaks one and makes that part harmless, so the expansion causes no follow-on errors. An item
//! this derive cannot take at all (a union for `Resource`) is [`Data::Unfit`].

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
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
    /// Collection paths (`collection = …`): one `list…` constructor each.
    pub collections: Vec<PathAttr>,
    /// The `crate` override, if given (see [`Container::krate`]).
    pub crate_path: Option<attr::CratePath>,
    pub no_type_annotation: bool,
    pub data: Data<'a>,
}

pub enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
    Polymorphic(Vec<PolymorphicVariant<'a>>),
    /// An item this derive does not take (a union, a generic type, a struct for ODataEnum, …):
    /// its error is recorded, and the expansion is stubs that carry the item's generics.
    Unfit,
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

/// A variant of a `Polymorphic` enum, `Variant(Type)`.
pub struct PolymorphicVariant<'a> {
    pub ident: &'a Ident,
    pub original: &'a syn::Variant,
    /// `Type` of `Variant(Type)`; `None` for any other shape (`check` reports and drops it).
    pub ty: Option<&'a Type>,
    /// `Base` when both `base` and `unknown` are given (`check` reports that).
    pub role: PolymorphicRole,
    pub attrs: attr::PolymorphicVariant,
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
    /// The user's `#[odata(read_only)]` (or `navigation`, which implies it).
    pub read_only: bool,
    /// `#[odata(navigation)]`: named by `$expand`, never by `$select`.
    pub navigation: bool,
    /// Whether the builder gets a setter for it and bodies write it: a property that is not
    /// read-only, unless `check` found it unusable (its error is reported instead).
    pub writable: bool,
    /// Whether the builder gets a method that fails to compile with "read-only" when called
    /// (set by `check` for read-only properties whose name no builder method takes).
    pub read_only_stub: bool,
    pub non_nullable: bool,
    /// `Additional` when both `additional` and `annotations` are given (`check` reports that).
    pub role: Role,
    pub attrs: attr::Field,
}

/// A member of an ODataEnum.
pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// Unit for a member, `(String)` for the `other` variant (`check` reports any other shape).
    pub fields: &'a syn::Fields,
    /// The wire name (the `other` variant's is never used).
    pub wire: String,
    /// Where the wire name came from (the `rename` literal, or the variant's name).
    pub wire_span: TokenStream,
    pub other: bool,
    pub attrs: attr::Variant,
}

impl<'a> Container<'a> {
    /// Reads the item. One this derive does not take gets [`Data::Unfit`] and an error.
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput, kind: Kind) -> Self {
        let keys = if matches!(kind, Kind::Enum | Kind::Polymorphic) {
            ENUM_KEYS
        } else {
            CONTAINER_KEYS
        };
        let attrs = attr::Container::from_attrs(cx, &input.attrs, keys);
        Container {
            ident: &input.ident,
            vis: &input.vis,
            kind,
            type_name: attrs.type_name,
            type_seen: attrs.type_seen,
            paths: attrs.paths,
            collections: attrs.collections,
            crate_path: attrs.krate,
            no_type_annotation: attrs.no_type_annotation,
            data: data_from_ast(cx, input, kind),
        }
    }

    /// How generated code reaches the facade: `::odata_resource` or the `crate` override.
    pub fn krate(&self) -> TokenStream {
        match &self.crate_path {
            Some(given) => given.path.to_token_stream(),
            None => quote!(::odata_resource),
        }
    }

    pub fn fields(&self) -> &[Field<'a>] {
        match &self.data {
            Data::Struct(fields) => fields,
            Data::Enum(_) | Data::Polymorphic(_) | Data::Unfit => &[],
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

/// The item's fields or variants, when this derive takes its shape.
fn data_from_ast<'a>(cx: &Ctxt, input: &'a DeriveInput, kind: Kind) -> Data<'a> {
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        generic(cx, input, kind);
        return Data::Unfit;
    }
    match (&input.data, kind) {
        (syn::Data::Struct(data), Kind::Resource | Kind::ComplexType) => {
            fields_from_ast(cx, input, data, kind)
        }
        (syn::Data::Enum(data), Kind::Enum) => Data::Enum(variants_from_ast(cx, data)),
        (syn::Data::Enum(data), Kind::Polymorphic) => {
            Data::Polymorphic(polymorphic_from_ast(cx, data))
        }
        (data, _) => {
            wrong_item(cx, data, kind);
            Data::Unfit
        }
    }
}

/// An OData type is concrete. The stubs of `fallback::for_shape` carry the generics, so no
/// follow-on error.
fn generic(cx: &Ctxt, input: &DeriveInput, kind: Kind) {
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
}

/// A struct, enum or union where this derive takes another kind of item.
fn wrong_item(cx: &Ctxt, data: &syn::Data, kind: Kind) {
    let derive = kind.derive_name();
    match (data, kind) {
        (syn::Data::Struct(data), Kind::Polymorphic) => cx.error_spanned_by(
            data.struct_token,
            "#[derive(Polymorphic)] needs an enum with one `Variant(Type)` per derived type",
        ),
        (syn::Data::Struct(data), _) => cx.error_spanned_by(
            data.struct_token,
            "#[derive(ODataEnum)] needs an enum; for a structured type use #[derive(Resource)] or #[derive(ComplexType)]",
        ),
        (syn::Data::Enum(data), _) => cx.error_spanned_by(
            data.enum_token,
            format!("#[derive({derive})] needs a struct with named fields; for an OData enumeration use #[derive(ODataEnum)]"),
        ),
        (syn::Data::Union(data), _) => cx.error_spanned_by(
            data.union_token,
            format!("#[derive({derive})] does not support unions"),
        ),
    }
}

fn fields_from_ast<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    data: &'a syn::DataStruct,
    kind: Kind,
) -> Data<'a> {
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
            return Data::Unfit;
        }
        syn::Fields::Unit => {
            cx.error_spanned_by(
                &input.ident,
                format!(
                    "#[derive({})] needs a struct with named fields, not a unit struct",
                    kind.derive_name()
                ),
            );
            return Data::Unfit;
        }
    };
    Data::Struct(
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
        (Some(_), _) => Role::Additional,
        (None, Some(_)) => Role::Annotations,
        (None, None) => Role::Property,
    };
    let (wire, wire_span) = wire_name(attrs.rename.as_ref(), ident, snake_to_lower_camel);
    Some(Field {
        ident,
        ty: &field.ty,
        option_inner: option_inner(&field.ty),
        wire,
        wire_span,
        // a navigation property is never in a PATCH body (OData 4.0 §11.4.3: no inline
        // related entities in an update)
        read_only: attrs.read_only.is_some() || attrs.navigation.is_some(),
        writable: attrs.read_only.is_none() && attrs.navigation.is_none(),
        navigation: attrs.navigation.is_some(),
        read_only_stub: false,
        non_nullable: attrs.non_nullable.is_some(),
        role,
        attrs,
    })
}

/// The wire name and where it came from: the `rename` literal, else `ident` in lowerCamelCase.
fn wire_name(
    rename: Option<&LitStr>,
    ident: &Ident,
    camel: fn(&str) -> String,
) -> (String, TokenStream) {
    match rename {
        Some(lit) => (lit.value(), lit.to_token_stream()),
        None => (camel(&ident.to_string()), ident.to_token_stream()),
    }
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
    data.variants
        .iter()
        .map(|variant| {
            let attrs = attr::Variant::from_attrs(cx, &variant.attrs);
            let (wire, wire_span) =
                wire_name(attrs.rename.as_ref(), &variant.ident, pascal_to_lower_camel);
            Variant {
                ident: &variant.ident,
                fields: &variant.fields,
                wire,
                wire_span,
                other: attrs.other,
                attrs,
            }
        })
        .collect()
}

fn polymorphic_from_ast<'a>(cx: &Ctxt, data: &'a syn::DataEnum) -> Vec<PolymorphicVariant<'a>> {
    data.variants
        .iter()
        .map(|variant| {
            let attrs = attr::PolymorphicVariant::from_attrs(cx, &variant.attrs);
            let role = match (&attrs.base, &attrs.unknown) {
                (Some(_), _) => PolymorphicRole::Base,
                (None, Some(_)) => PolymorphicRole::Unknown,
                (None, None) => PolymorphicRole::Derived,
            };
            PolymorphicVariant {
                ident: &variant.ident,
                original: variant,
                ty: single_type(&variant.fields),
                role,
                attrs,
            }
        })
        .collect()
}

/// `T` of a variant `(T)`.
fn single_type(fields: &syn::Fields) -> Option<&Type> {
    match fields {
        syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => Some(&fields.unnamed[0].ty),
        _ => None,
    }
}

//! `impl Deserialize` for Resource and ComplexType: one pass over the object's members; declared
//! properties by name, everything else to the runtime's `undeclared`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::private;
use crate::ast::{vec_item, Container, Role};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    let type_name = cont
        .type_name
        .as_ref()
        .map_or_else(|| ident.to_string(), syn::LitStr::value);
    quote! {
        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            #[inline]
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #p::serde::Deserializer<'de>,
            {
                #p::deserialize_object(__deserializer, #type_name)
            }
        }
    }
}

/// `ODataType::read_object`: the object's members, after its `@odata.type` when a `Polymorphic`
/// enum read that first (`__type_member`). `Deserialize` and the enum both read through it, so
/// a type's reading is compiled once per deserializer, whether it is read alone or as a variant.
pub fn read_object_method(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    let properties: Vec<_> = cont.properties().collect();
    if !properties.is_empty() && properties.iter().all(|field| field.option_inner.is_some()) {
        return read_in_place(cont, &properties, &p);
    }
    let slots: Vec<_> = (0..properties.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let declare_slots = properties.iter().zip(&slots).map(|(field, slot)| {
        let ty = field.ty;
        quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    // The property's type (a collection's item type) is named in each call, so a type that is
    // not `Deserialize` is reported at it. A collection is read by a runtime seed that puts the
    // failing item's index in an error's path (`value[3].status`).
    let arms = properties.iter().zip(&slots).map(|(field, slot)| {
        let wire = &field.wire;
        let (read, ty) = match (vec_item(field.ty), field.option_inner.and_then(vec_item)) {
            (Some(item), _) => (quote!(items), item),
            (None, Some(item)) => (quote!(optional_items), item),
            (None, None) => (quote!(property), field.ty),
        };
        quote!(#wire => #p::#read::<_, #ty>(&mut __map, &mut #slot, #wire),)
    });
    // The object is built from its slots with no fallible step: an early return while it is
    // half built would make every field drop everything built before it (code quadratic in the
    // number of fields: 400,000 LLVM lines for a type of 200 properties). So an absent required
    // property is found first (`fill`, slots in place), then the fields are moved out of their
    // slots; an absent `Option` property is `None` (what `Option` reads a missing value as).
    let fill = properties
        .iter()
        .zip(&slots)
        .filter(|(field, _)| field.option_inner.is_none())
        .map(|(field, slot)| {
            let wire = &field.wire;
            let ty = field.ty;
            quote!(#p::fill::<#ty, _>(&mut #slot, #wire)?;)
        });
    let build = properties.iter().zip(&slots).map(|(field, slot)| {
        let member = field.ident;
        match field.option_inner {
            Some(_) => quote!(#member: ::core::option::Option::flatten(#slot),),
            None => quote!(#member: #p::filled(#slot),),
        }
    });
    // the wire names, in declaration order, for a reader that finds a name among them where it
    // is instead of scanning it (`next_key`)
    let wires = properties.iter().map(|field| &field.wire);
    let (declare_special, into, build_special) = special_fields(cont, &p, false);
    let keep_type_member = keep_type_member(cont, &p, &into);
    let members_loop = members_loop(&p, wires, arms, &into);
    let body = quote! {
        #(#declare_slots)*
        #declare_special
        #keep_type_member
        #members_loop
        #(#fill)*
        ::core::result::Result::Ok(#ident {
            #(#build)*
            #build_special
        })
    };
    read_object(&p, body)
}

/// `read_object` for a type whose declared properties are all `Option`s: the value is built
/// first (every property `None`) and each member read straight into its field, with a bit per
/// property for duplicates. No slot per property, no moves at the end: the whole Graph model's
/// crate-only build took 13% less CPU than with a slot each (README, "The whole model").
fn read_in_place(
    cont: &Container,
    properties: &[&crate::ast::Field],
    p: &TokenStream,
) -> TokenStream {
    let ident = cont.ident;
    let members = properties.iter().map(|field| field.ident);
    let arms = properties.iter().enumerate().map(|(index, field)| {
        let wire = &field.wire;
        let member = field.ident;
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        let inner = field.option_inner.unwrap_or(field.ty);
        let (read, ty) = match vec_item(inner) {
            Some(item) => (quote!(items_in_place), item),
            None => (quote!(in_place), inner),
        };
        quote!(#wire => #p::#read::<_, #ty>(&mut __map, &mut __value.#member, &mut __seen, #index, #wire),)
    });
    let words = proc_macro2::Literal::usize_unsuffixed(properties.len().div_ceil(64));
    let wires = properties.iter().map(|field| &field.wire);
    let (_, into, init_special) = special_fields(cont, p, true);
    let keep_type_member = keep_type_member(cont, p, &into);
    let members_loop = members_loop(p, wires, arms, &into);
    let body = quote! {
        let mut __value = #ident {
            #(#members: ::core::option::Option::None,)*
            #init_special
        };
        let mut __seen = [0u64; #words];
        #keep_type_member
        #members_loop
        ::core::result::Result::Ok(__value)
    };
    read_object(p, body)
}

/// The loop over an object's members: a declared one by its `arms`, the rest to `undeclared`.
fn members_loop<'a>(
    p: &TokenStream,
    wires: impl Iterator<Item = &'a String>,
    arms: impl Iterator<Item = TokenStream>,
    into: &TokenStream,
) -> TokenStream {
    quote! {
        while let ::core::option::Option::Some(__key) = #p::next_key(&mut __map, &[#(#wires),*])? {
            match __key.as_str() {
                #(#arms)*
                "@odata.type" => #p::odata_type(&mut __map, #into),
                __other => #p::undeclared(&mut __map, __other, #into),
            }?;
        }
    }
}

/// `ODataType::read_object` with `body`.
fn read_object(p: &TokenStream, body: TokenStream) -> TokenStream {
    quote! {
        #[inline]
        fn read_object<'de, __A>(
            mut __map: __A,
            __type_member: ::core::option::Option<(&::core::primitive::str, &::core::primitive::str)>,
        ) -> ::core::result::Result<Self, __A::Error>
        where
            __A: #p::serde::de::MapAccess<'de>,
            Self: #p::serde::Deserialize<'de>,
        {
            #body
        }
    }
}

/// A `@odata.type` a `Polymorphic` enum read before the object's other members, kept in the
/// annotations field (a type without one has nowhere to keep it: it was read as a string).
fn keep_type_member(cont: &Container, p: &TokenStream, into: &TokenStream) -> TokenStream {
    if cont.field_with(Role::Annotations).is_some() {
        quote! {
            if let ::core::option::Option::Some((__key, __text)) = __type_member {
                #p::type_member(__key, __text, #into);
            }
        }
    } else {
        quote!(let _ = __type_member;)
    }
}

/// The annotations and additional fields: their locals, the `Undeclared` sink, and the
/// struct-literal members. `in_place`: no locals; the sink is the value's own fields, and the
/// struct-literal members are their defaults.
fn special_fields(
    cont: &Container,
    p: &TokenStream,
    in_place: bool,
) -> (TokenStream, TokenStream, TokenStream) {
    let mut declare = TokenStream::new();
    let mut build = TokenStream::new();
    let mut sink = |role: Role, local: &str| match cont.field_with(role) {
        Some(field) if in_place => {
            let member = field.ident;
            build.extend(quote!(#member: ::core::default::Default::default(),));
            quote!(::core::option::Option::Some(&mut __value.#member))
        }
        Some(field) => {
            let local = format_ident!("{}", local);
            let ty = field.ty;
            let member = field.ident;
            declare.extend(quote!(let mut #local: #ty = ::core::default::Default::default();));
            build.extend(quote!(#member: #local,));
            quote!(::core::option::Option::Some(&mut #local))
        }
        None => quote!(::core::option::Option::None),
    };
    let annotations = sink(Role::Annotations, "__annotations");
    let additional = sink(Role::Additional, "__additional");
    // `#ns.Name`: a received `@odata.type` spelled so (or without the `#`) is kept without a copy
    let declared_type = cont
        .type_name
        .as_ref()
        .map_or_else(String::new, |name| format!("#{}", name.value()));
    let into = quote! {
        #p::Undeclared {
            annotations: #annotations,
            additional: #additional,
            declared_type: &#declared_type,
        }
    };
    (declare, into, build)
}

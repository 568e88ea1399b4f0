//! The `<Name>Patch` builder of a Resource: one setter per writable property, `clear_…` for the
//! nullable ones, `if_match`, `header`, `diff`, `build`, and one `patch…` constructor per path.
//! Every generated function is `#[inline]`: a library crate of hundreds of resources then
//! generates code only for what its callers use (half of a debug build's time otherwise).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::private;
use super::{key_bytes, type_member};
use crate::ast::{Container, Field, Role};

/// The builder's name: `TeamsAsyncOperation` → `TeamsAsyncOperationPatch`.
pub fn builder_ident(cont: &Container) -> syn::Ident {
    format_ident!("{}Patch", cont.ident)
}

fn writable<'c>(cont: &'c Container) -> impl Iterator<Item = &'c Field<'c>> {
    cont.fields()
        .iter()
        .filter(|f| f.role == Role::Property && f.writable)
}

/// The type a setter takes: `T` for `Option<T>` and for `T`.
fn value_type<'f>(field: &'f Field) -> &'f syn::Type {
    field.option_inner.unwrap_or(field.ty)
}

/// `field: Slot<T>,` for each writable property: what a builder or nested changes hold.
fn slot_fields<'c>(cont: &'c Container) -> impl Iterator<Item = TokenStream> + 'c {
    let p = private(cont);
    writable(cont).map(move |field| {
        let member = field.ident;
        let ty = value_type(field);
        quote!(#member: #p::Slot<#ty>,)
    })
}

/// The struct, at item level so users can name it.
pub fn declaration(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let vis = cont.vis;
    let builder = builder_ident(cont);
    let p = private(cont);
    let members = slot_fields(cont);
    let doc = format!(
        "PATCH request builder for [`{ident}`]: set the properties to change, then `build()`. \
         Made by the `patch…` constructors of [`{ident}`]."
    );
    quote! {
        #[doc = #doc]
        #[must_use = "a builder does nothing until `build()` is called"]
        #vis struct #builder {
            __base: #p::PatchBase,
            #(#members)*
        }
    }
}

/// Setters, `build`, and the constructors on the resource.
pub fn impls(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let builder = builder_ident(cont);
    let p = private(cont);
    let setters = writable(cont).map(|field| setters(cont, field));
    let init = absent_slots(cont);
    let type_member = type_member(cont);
    let writes = writable(cont).map(|field| {
        let key = key_bytes(&field.wire);
        let member = field.ident;
        // Named, so a type that is not `ODataValue` is reported at the field's type.
        let ty = value_type(field);
        quote_spanned!(ty.span()=> __body.property::<#ty>(#key, &self.#member);)
    });
    let capacity = body_capacity(cont);
    let diff = diff(cont);
    let constructors = cont.paths.iter().map(|path| constructor(cont, path));
    let (markers, stubs) = read_only_stubs(cont);
    let setters_allow = setters_allow();
    let changed = writable(cont).map(|field| field.ident);
    quote! {
        #markers

        #[automatically_derived]
        #setters_allow
        impl #builder {
            #stubs

            #[inline]
            fn __new(__path: ::core::result::Result<::std::vec::Vec<::core::primitive::u8>, #p::Error>) -> Self {
                #builder {
                    __base: #p::PatchBase::new(__path),
                    #(#init)*
                }
            }

            /// Whether any property is set (a PATCH without one changes nothing).
            #[inline]
            fn __changed(&self) -> ::core::primitive::bool {
                false #(|| !self.#changed.is_absent())*
            }

            #(#setters)*

            /// Sets `If-Match` to an ETag from an earlier response (or `*`): the service
            /// answers 412 instead of overwriting a newer version. A second call replaces the
            /// first.
            #[inline]
            pub fn if_match(mut self, etag: impl ::core::convert::AsRef<::core::primitive::str>) -> Self {
                self.__base.if_match(::core::convert::AsRef::as_ref(&etag));
                self
            }

            /// Sets a request header (e.g. `Prefer: return=minimal`), replacing an earlier value
            /// of the same name, except `Prefer`, where each call adds a preference. Checked by
            /// `build()`.
            #[inline]
            pub fn header(
                mut self,
                name: impl ::core::convert::AsRef<::core::primitive::str>,
                value: impl ::core::convert::AsRef<::core::primitive::str>,
            ) -> Self {
                self.__base.header(
                    ::core::convert::AsRef::as_ref(&name),
                    ::core::convert::AsRef::as_ref(&value),
                );
                self
            }

            #diff

            /// Builds the request: the JSON body holds exactly the properties set, after
            /// `@odata.type`.
            ///
            /// # Errors
            /// A path parameter that would re-route the request, or a bad header.
            #[inline]
            pub fn build(self) -> ::core::result::Result<#p::PatchRequest<#ident>, #p::Error> {
                let mut __body = self.__base.body(#type_member, #capacity);
                #(#writes)*
                __body.finish()
            }
        }

        #[automatically_derived]
        // One argument per placeholder of the path template, in template order (the
        // constructors' contract): a deep Graph path has more than clippy's seven.
        #[allow(clippy::too_many_arguments)]
        impl #ident {
            #(#constructors)*
        }
    }
}

/// `diff(old, new)`: sets each writable property whose new value differs from the old one. The
/// bounds are higher-ranked so that they are checked where `diff` is called, not where the
/// resource is declared: field types without `PartialEq + Clone` only lose `diff`.
fn diff(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    quote! {
        /// Sets exactly the writable properties whose value in `new` differs from `old` (`null`
        /// where a nullable property became `None`), so a read–modify–write sends only the
        /// changes. A complex value that changed sends only its changed nested properties
        /// (OData merges it); a collection is sent whole. Read-only properties, annotations and
        /// undeclared properties are never sent. Available when every writable property's
        /// type is `PartialEq + Clone`.
        #[inline]
        pub fn diff(mut self, old: &#ident, new: &#ident) -> Self
        where
            for<'__diff> #ident: #p::Diff<Builder = Self>,
        {
            <#ident as #p::Diff>::diff_into(&mut self, old, new);
            self
        }

        /// `diff(read, new)` and `if_match` with the ETag `read` was received with (its
        /// `@odata.etag`, or the `ETag` header a GET kept), in one call: the PATCH of a
        /// read–modify–write, answered 412 if someone changed the resource since.
        #[inline]
        pub fn diff_with_etag(self, read: &#ident, new: &#ident) -> Self
        where
            for<'__diff> #ident: #p::Diff<Builder = Self>,
        {
            let __etag = #p::ODataType::annotations(read).and_then(#p::Annotations::etag);
            let __builder = self.diff(read, new);
            match __etag {
                ::core::option::Option::Some(__etag) => __builder.if_match(__etag),
                ::core::option::Option::None => __builder,
            }
        }
    }
}

/// `impl Diff`, which `diff` calls. Its bounds are higher-ranked so that they are checked where
/// `diff` is called, not where the resource is declared: field types without
/// `PartialEq + Clone` only lose `diff`. One bound per distinct property type (`DiffValue`, the
/// three traits in one): every bound is in scope of each method of the impl, and in a large model
/// most properties share a handful of types.
pub fn diff_impl(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let builder = builder_ident(cont);
    let p = private(cont);
    let bounds = super::distinct(writable(cont).map(value_type))
        .map(|ty| quote!(for<'__diff> #ty: #p::DiffValue,));
    let calls = writable(cont).map(|field| {
        let member = field.ident;
        if field.option_inner.is_some() {
            let nullable = !field.non_nullable;
            quote!(#p::diff_option(&mut __builder.#member, &__old.#member, &__new.#member, #nullable);)
        } else {
            quote!(#p::diff_value(&mut __builder.#member, &__old.#member, &__new.#member);)
        }
    });
    quote! {
        #[automatically_derived]
        impl #p::Diff for #ident
        where
            #(#bounds)*
        {
            type Builder = #builder;
            #[inline]
            fn diff_into(__builder: &mut #builder, __old: &Self, __new: &Self) {
                #(#calls)*
            }
            #[inline]
            fn update_request(
                __path: &::core::primitive::str,
                __old: &Self,
                __new: &Self,
                __etag: ::core::option::Option<&::core::primitive::str>,
            ) -> ::core::result::Result<::core::option::Option<#p::PatchRequest<Self>>, #p::Error> {
                let mut __builder = #builder::__new(::core::result::Result::Ok(
                    ::std::borrow::ToOwned::to_owned(__path.as_bytes()),
                ));
                <Self as #p::Diff>::diff_into(&mut __builder, __old, __new);
                if !__builder.__changed() {
                    return ::core::result::Result::Ok(::core::option::Option::None);
                }
                if let ::core::option::Option::Some(__etag) = __etag {
                    __builder = __builder.if_match(__etag);
                }
                __builder.build().map(::core::option::Option::Some)
            }
        }
    }
}

/// The lint an impl of setters allows. A setter is named after its property, which is the
/// user's to name: a property `add` (or `sub`, `mul`, …) gets a setter `add(self, value) ->
/// Self`, which `clippy::should_implement_trait` takes for `std::ops::Add::add`.
fn setters_allow() -> TokenStream {
    quote!(#[allow(clippy::should_implement_trait)])
}

fn setters(cont: &Container, field: &Field) -> TokenStream {
    let p = private(cont);
    let member = field.ident;
    let ty = value_type(field);
    let set_doc = format!("Sets `{}`.", field.wire);
    // The methods are spanned on the field, so rustc's notes about them ("there is a method
    // `status` with a similar name", "required by this bound") point at the field, not at the
    // derive.
    let value_trait = super::respan(quote!(#p::PropertyValue), ty.span());
    let value = quote_spanned!(ty.span()=> #value_trait<#ty, __How>);
    let setter = quote_spanned! {member.span()=>
        #[doc = #set_doc]
        #[inline]
        pub fn #member<__How>(mut self, value: impl #value) -> Self {
            self.#member = #p::PropertyValue::into_slot(value);
            self
        }
    };
    if field.option_inner.is_none() || field.non_nullable {
        return setter;
    }
    let clear = format_ident!("clear_{}", member);
    let clear_doc = format!("Sends `\"{}\": null`, clearing it.", field.wire);
    quote_spanned! {member.span()=>
        #setter
        #[doc = #clear_doc]
        #[inline]
        pub fn #clear(mut self) -> Self {
            self.#member = #p::Slot::Null;
            self
        }
    }
}

/// `field: Slot::Absent,` for each writable property.
fn absent_slots<'c>(cont: &'c Container) -> impl Iterator<Item = TokenStream> + 'c {
    let p = private(cont);
    writable(cont).map(move |field| {
        let member = field.ident;
        quote!(#member: #p::Slot::Absent,)
    })
}

/// A ComplexType's nested patch (`OperationErrorPatch`, made by `OperationError::patch()`): the
/// same setters as a resource's builder, written as a partial object where the complex value
/// goes. Declared at item level so users can name it.
pub fn nested_declaration(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let vis = cont.vis;
    let builder = builder_ident(cont);
    let members = slot_fields(cont);
    let doc = format!(
        "Changes to a [`{ident}`] value inside a PATCH: each property left out (unchanged), \
         `null` or a value, as on a resource's builder. Made by [`{ident}::patch`]; pass it \
         to the setter of a `{ident}` property."
    );
    quote! {
        #[doc = #doc]
        #[must_use = "nested changes do nothing until they are passed to a setter"]
        #vis struct #builder {
            #(#members)*
        }
    }
}

/// The nested patch's setters, its `ODataValue` (a partial object) and `patch()`.
pub fn nested_impls(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let builder = builder_ident(cont);
    let p = private(cont);
    let setters = writable(cont).map(|field| setters(cont, field));
    let init = absent_slots(cont);
    let type_member = type_member(cont);
    let writes = writable(cont).map(|field| {
        let key = key_bytes(&field.wire);
        let member = field.ident;
        let ty = value_type(field);
        quote!(#p::nested_member::<#ty>(__out, #key, &self.#member);)
    });
    let members = writable(cont).map(|field| field.ident);
    let (markers, stubs) = read_only_stubs(cont);
    let setters_allow = setters_allow();
    quote! {
        #markers

        #[automatically_derived]
        // Every complex type has nested changes; a crate that never uses them (a binary, a
        // private module) must not be told its setters are dead code: they are spanned on the
        // user's fields, where rustc would report them.
        #[allow(dead_code)]
        #setters_allow
        impl #builder {
            #(#setters)*
            #stubs
        }

        #[automatically_derived]
        impl #p::ODataValue for #builder {
            #[inline]
            fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
                #p::begin_object(__out, #type_member);
                #(#writes)*
                #p::end_object(__out);
            }
            #[inline]
            fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
                false #(|| self.#members.needs_unknown_enum_members())*
            }
        }

        #[automatically_derived]
        impl #p::NestedPatch for #builder {
            type Target = #ident;
        }

        #[automatically_derived]
        impl #ident {
            /// Starts changes to a value of this type for a PATCH body: set, clear or leave out
            /// each property, then pass the result to the property's setter.
            #[inline]
            pub fn patch() -> #builder {
                #builder {
                    #(#init)*
                }
            }
        }
    }
}

/// For each read-only property, a type named like it and a builder method of its name whose
/// bound that type never meets: calling it is one error, "`createdDateTime` is read-only",
/// spanned on the call (rather than rustc's "no method named …" with a misleading
/// suggestion). Hidden from the docs.
fn read_only_stubs(cont: &Container) -> (TokenStream, TokenStream) {
    let p = private(cont);
    let stubs: Vec<_> = cont
        .fields()
        .iter()
        .filter(|field| field.read_only_stub)
        .collect();
    let marker = |field: &Field| {
        syn::parse_str::<syn::Ident>(&field.wire).unwrap_or_else(|_| field.ident.clone())
    };
    let markers = stubs.iter().map(|field| {
        let marker = marker(field);
        quote! {
            // Named like the wire name (`createdDateTime`), for rustc to show in the error; never
            // built, only named in a bound.
            #[allow(non_camel_case_types, dead_code)]
            pub struct #marker;
        }
    });
    // In a module of their own: a marker named `id` must not shadow a constructor's argument
    // `id` (a path `/users/{id}` beside a read-only `id`), nor any item of the user's.
    let markers = if stubs.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            #[doc(hidden)]
            mod __read_only {
                #(#markers)*
            }
        }
    };
    let methods = stubs.iter().map(|field| {
        let member = field.ident;
        let marker = marker(field);
        quote! {
            #[doc(hidden)]
            // There to be called by mistake; never called in a crate that compiles.
            #[allow(dead_code)]
            #[inline]
            pub fn #member<__V>(self, _: __V) -> Self
            where
                for<'__r> __read_only::#marker: #p::Writable,
            {
                self
            }
        }
    });
    (markers, quote!(#(#methods)*))
}

/// A Resource without a path has no constructor; `patch(…)` on it is one error saying so.
pub fn no_path(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    quote! {
        #[automatically_derived]
        impl #ident {
            #[doc(hidden)]
            // There to be called by mistake; never called in a crate that compiles.
            #[allow(dead_code)]
            pub fn patch<__A, __R>(_: __A) -> __R
            where
                for<'__r> #ident: #p::HasPath,
            {
                ::core::unreachable!()
            }
        }
    }
}

/// Room for the body, reserved with the path (the body is written after it, in one buffer): a
/// guess that fits the usual PATCH of a few properties without growing.
fn body_capacity(cont: &Container) -> usize {
    64 + 48 * writable(cont).count()
}

fn constructor(cont: &Container, path: &crate::attr::PathAttr) -> TokenStream {
    let builder = builder_ident(cont);
    let name = match &path.name {
        Some(name) => format_ident!("patch_{}", name),
        None => format_ident!("patch"),
    };
    let doc = format!("Starts a PATCH of `{}`.", path.lit.value());
    let (args, request_path) = path_call(cont, path, body_capacity(cont));
    quote! {
        #[doc = #doc]
        #[inline]
        pub fn #name(#args) -> #builder {
            #builder::__new(#request_path)
        }
    }
}

/// A constructor's arguments (one `impl AsRef<str>` per placeholder, in template order) and the
/// runtime call that fills the template with them; `room` is reserved after the path (a PATCH
/// body's). The literals' length is added to it; `request_path` adds the encoded values'.
pub fn path_call(
    cont: &Container,
    path: &crate::attr::PathAttr,
    room: usize,
) -> (TokenStream, TokenStream) {
    let p = private(cont);
    let capacity = room
        + path
            .template
            .literals
            .iter()
            .map(String::len)
            .sum::<usize>();
    let args: Vec<_> = path
        .template
        .params
        .iter()
        .map(|param| format_ident!("{}", param.arg, span = path.lit.span()))
        .collect();
    let names = path.template.params.iter().map(|param| &param.name);
    let literals = &path.template.literals;
    // Spanned on the template: a wrong argument's "required by this bound" note shows it.
    let as_ref = quote_spanned!(path.lit.span()=> ::core::convert::AsRef<::core::primitive::str>);
    let call = quote! {
        #p::request_path(
            &[#(#literals),*],
            &[#((#names, ::core::convert::AsRef::as_ref(&#args))),*],
            #capacity,
        )
    };
    (quote!(#(#args: impl #as_ref),*), call)
}

///PATCH request builder for [`Team`]: set the properties to change, then `build()`. Made by the `patch…` constructors of [`Team`].
#[must_use = "a builder does nothing until `build()` is called"]
pub struct TeamPatch {
    __base: ::odata_resource::__private::PatchBase,
    id: ::odata_resource::__private::Slot<String>,
    display_name: ::odata_resource::__private::Slot<String>,
}
#[doc(hidden)]
const _: () = {
    impl ::odata_resource::__private::serde::Serialize for Team {
        fn serialize<__S>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::odata_resource::__private::serde::Serializer,
        {
            ::core::unreachable!()
        }
    }
    impl<'de> ::odata_resource::__private::serde::Deserialize<'de> for Team {
        fn deserialize<__D>(_: __D) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::odata_resource::__private::serde::Deserializer<'de>,
        {
            ::core::unreachable!()
        }
    }
    impl ::odata_resource::__private::ODataValue for Team {
        fn write_json(&self, _: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::core::unreachable!()
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::ODataType for Team {
        const TYPE_NAME: &'static str = "microsoft.graph.team";
    }
    #[automatically_derived]
    #[allow(clippy::should_implement_trait)]
    impl TeamPatch {
        #[inline]
        fn __new(
            __path: ::core::result::Result<
                ::std::vec::Vec<::core::primitive::u8>,
                ::odata_resource::__private::Error,
            >,
        ) -> Self {
            TeamPatch {
                __base: ::odata_resource::__private::PatchBase::new(__path),
                id: ::odata_resource::__private::Slot::Absent,
                display_name: ::odata_resource::__private::Slot::Absent,
            }
        }
        /// Whether any property is set (a PATCH without one changes nothing).
        #[inline]
        fn __changed(&self) -> ::core::primitive::bool {
            false || !self.id.is_absent() || !self.display_name.is_absent()
        }
        ///Sets `id`.
        #[inline]
        pub fn id<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<String, __How>,
        ) -> Self {
            self.id = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sends `"id": null`, clearing it.
        #[inline]
        pub fn clear_id(mut self) -> Self {
            self.id = ::odata_resource::__private::Slot::Null;
            self
        }
        ///Sets `displayName`.
        #[inline]
        pub fn display_name<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<String, __How>,
        ) -> Self {
            self.display_name = ::odata_resource::__private::PropertyValue::into_slot(
                value,
            );
            self
        }
        ///Sends `"displayName": null`, clearing it.
        #[inline]
        pub fn clear_display_name(mut self) -> Self {
            self.display_name = ::odata_resource::__private::Slot::Null;
            self
        }
        /// Sets `If-Match` to an ETag from an earlier response (or `*`): the service
        /// answers 412 instead of overwriting a newer version. A second call replaces the
        /// first.
        #[inline]
        pub fn if_match(
            mut self,
            etag: impl ::core::convert::AsRef<::core::primitive::str>,
        ) -> Self {
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
            self.__base
                .header(
                    ::core::convert::AsRef::as_ref(&name),
                    ::core::convert::AsRef::as_ref(&value),
                );
            self
        }
        /// Sets exactly the writable properties whose value in `new` differs from `old` (`null`
        /// where a nullable property became `None`), so a read–modify–write sends only the
        /// changes. A complex value that changed sends only its changed nested properties
        /// (OData merges it); a collection is sent whole. Read-only properties, annotations and
        /// undeclared properties are never sent. Available when every writable property's
        /// type is `PartialEq + Clone`.
        #[inline]
        pub fn diff(mut self, old: &Team, new: &Team) -> Self
        where
            for<'__diff> Team: ::odata_resource::__private::Diff<Builder = Self>,
        {
            <Team as ::odata_resource::__private::Diff>::diff_into(&mut self, old, new);
            self
        }
        /// `diff(read, new)` and `if_match` with the ETag `read` was received with (its
        /// `@odata.etag`, or the `ETag` header a GET kept), in one call: the PATCH of a
        /// read–modify–write, answered 412 if someone changed the resource since.
        #[inline]
        pub fn diff_with_etag(self, read: &Team, new: &Team) -> Self
        where
            for<'__diff> Team: ::odata_resource::__private::Diff<Builder = Self>,
        {
            let __etag = ::odata_resource::__private::ODataType::annotations(read)
                .and_then(::odata_resource::__private::Annotations::etag);
            let __builder = self.diff(read, new);
            match __etag {
                ::core::option::Option::Some(__etag) => __builder.if_match(__etag),
                ::core::option::Option::None => __builder,
            }
        }
        /// Builds the request: the JSON body holds exactly the properties set, after
        /// `@odata.type`.
        ///
        /// # Errors
        /// A path parameter that would re-route the request, or a bad header.
        #[inline]
        pub fn build(
            self,
        ) -> ::core::result::Result<
            ::odata_resource::__private::PatchRequest<Team>,
            ::odata_resource::__private::Error,
        > {
            let mut __body = self
                .__base
                .body(b"\"@odata.type\":\"#microsoft.graph.team\"", 160usize);
            __body.property::<String>(b",\"id\":", &self.id);
            __body.property::<String>(b",\"displayName\":", &self.display_name);
            __body.finish()
        }
    }
    #[automatically_derived]
    #[allow(clippy::too_many_arguments)]
    impl Team {
        ///Starts a PATCH of `/teams/{teamsId}`.
        #[inline]
        pub fn patch_team(
            teams_id: impl ::core::convert::AsRef<::core::primitive::str>,
        ) -> TeamPatch {
            TeamPatch::__new(
                ::odata_resource::__private::request_path(
                    &["/teams/", ""],
                    &[("teamsId", ::core::convert::AsRef::as_ref(&teams_id))],
                    167usize,
                ),
            )
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::Diff for Team
    where
        for<'__diff> String: ::odata_resource::__private::DiffValue,
    {
        type Builder = TeamPatch;
        #[inline]
        fn diff_into(__builder: &mut TeamPatch, __old: &Self, __new: &Self) {
            ::odata_resource::__private::diff_option(
                &mut __builder.id,
                &__old.id,
                &__new.id,
                true,
            );
            ::odata_resource::__private::diff_option(
                &mut __builder.display_name,
                &__old.display_name,
                &__new.display_name,
                true,
            );
        }
        #[inline]
        fn update_request(
            __path: &::core::primitive::str,
            __old: &Self,
            __new: &Self,
            __etag: ::core::option::Option<&::core::primitive::str>,
        ) -> ::core::result::Result<
            ::core::option::Option<::odata_resource::__private::PatchRequest<Self>>,
            ::odata_resource::__private::Error,
        > {
            let mut __builder = TeamPatch::__new(
                ::core::result::Result::Ok(
                    ::std::borrow::ToOwned::to_owned(__path.as_bytes()),
                ),
            );
            <Self as ::odata_resource::__private::Diff>::diff_into(
                &mut __builder,
                __old,
                __new,
            );
            if !__builder.__changed() {
                return ::core::result::Result::Ok(::core::option::Option::None);
            }
            if let ::core::option::Option::Some(__etag) = __etag {
                __builder = __builder.if_match(__etag);
            }
            __builder.build().map(::core::option::Option::Some)
        }
    }
    #[automatically_derived]
    #[allow(clippy::too_many_arguments)]
    impl Team {
        ///Starts a GET of `/teams/{teamsId}`.
        #[inline]
        pub fn get_team(
            teams_id: impl ::core::convert::AsRef<::core::primitive::str>,
        ) -> ::odata_resource::__private::Get<Self> {
            ::odata_resource::__private::Get::new(
                ::odata_resource::__private::request_path(
                    &["/teams/", ""],
                    &[("teamsId", ::core::convert::AsRef::as_ref(&teams_id))],
                    7usize,
                ),
            )
        }
        ///`id`, for `select`.
        pub const ID: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "id",
        );
        ///`displayName`, for `select`.
        pub const DISPLAY_NAME: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "displayName",
        );
    }
};
::core::compile_error! {
    "unknown odata field attribute `read_onyl`; expected one of `rename`, `read_only`, `non_nullable`, `additional`, `annotations`, `navigation` (did you mean `read_only`?)"
}

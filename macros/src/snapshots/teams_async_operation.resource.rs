///PATCH request builder for [`TeamsAsyncOperation`]: set the properties to change, then `build()`. Made by the `patch…` constructors of [`TeamsAsyncOperation`].
#[must_use = "a builder does nothing until `build()` is called"]
pub struct TeamsAsyncOperationPatch {
    __base: ::odata_resource::__private::PatchBase,
    operation_type: ::odata_resource::__private::Slot<TeamsAsyncOperationType>,
    status: ::odata_resource::__private::Slot<TeamsAsyncOperationStatus>,
    last_action_date_time: ::odata_resource::__private::Slot<DateTimeOffset>,
    attempts_count: ::odata_resource::__private::Slot<i32>,
    target_resource_id: ::odata_resource::__private::Slot<String>,
    target_resource_location: ::odata_resource::__private::Slot<String>,
    error: ::odata_resource::__private::Slot<OperationError>,
}
#[doc(hidden)]
const _: () = {
    #[automatically_derived]
    impl ::odata_resource::__private::ODataType for TeamsAsyncOperation {
        const TYPE_NAME: &'static str = "microsoft.graph.teamsAsyncOperation";
        fn serialize_typed<__S>(
            &self,
            __serializer: __S,
            __typed: ::core::primitive::bool,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::odata_resource::__private::serde::Serializer,
        {
            let mut __map = ::odata_resource::__private::begin_serialize(
                __serializer,
                ::core::option::Option::Some("#microsoft.graph.teamsAsyncOperation"),
                ::core::option::Option::Some(&self.annotations),
                __typed,
            );
            ::odata_resource::__private::entry_optional::<
                _,
                String,
            >(&mut __map, "id", &self.id);
            ::odata_resource::__private::entry_optional::<
                _,
                TeamsAsyncOperationType,
            >(&mut __map, "operationType", &self.operation_type);
            ::odata_resource::__private::entry_optional::<
                _,
                DateTimeOffset,
            >(&mut __map, "createdDateTime", &self.created_date_time);
            ::odata_resource::__private::entry_optional::<
                _,
                TeamsAsyncOperationStatus,
            >(&mut __map, "status", &self.status);
            ::odata_resource::__private::entry_optional::<
                _,
                DateTimeOffset,
            >(&mut __map, "lastActionDateTime", &self.last_action_date_time);
            ::odata_resource::__private::entry_optional::<
                _,
                i32,
            >(&mut __map, "attemptsCount", &self.attempts_count);
            ::odata_resource::__private::entry_optional::<
                _,
                String,
            >(&mut __map, "targetResourceId", &self.target_resource_id);
            ::odata_resource::__private::entry_optional::<
                _,
                String,
            >(&mut __map, "targetResourceLocation", &self.target_resource_location);
            ::odata_resource::__private::entry_optional::<
                _,
                OperationError,
            >(&mut __map, "error", &self.error);
            ::odata_resource::__private::end_serialize(
                __map,
                ::core::option::Option::Some(&self.additional),
            )
        }
        #[inline]
        fn annotations(
            &self,
        ) -> ::core::option::Option<&::odata_resource::__private::Annotations> {
            ::core::option::Option::Some(&self.annotations)
        }
        #[inline]
        fn annotations_mut(
            &mut self,
        ) -> ::core::option::Option<&mut ::odata_resource::__private::Annotations> {
            ::core::option::Option::Some(&mut self.annotations)
        }
        #[inline]
        fn read_object<'de, __A>(
            mut __map: __A,
            __type_member: ::core::option::Option<
                (&::core::primitive::str, &::core::primitive::str),
            >,
        ) -> ::core::result::Result<Self, __A::Error>
        where
            __A: ::odata_resource::__private::serde::de::MapAccess<'de>,
            Self: ::odata_resource::__private::serde::Deserialize<'de>,
        {
            let mut __value = TeamsAsyncOperation {
                id: ::core::option::Option::None,
                operation_type: ::core::option::Option::None,
                created_date_time: ::core::option::Option::None,
                status: ::core::option::Option::None,
                last_action_date_time: ::core::option::Option::None,
                attempts_count: ::core::option::Option::None,
                target_resource_id: ::core::option::Option::None,
                target_resource_location: ::core::option::Option::None,
                error: ::core::option::Option::None,
                annotations: ::core::default::Default::default(),
                additional: ::core::default::Default::default(),
            };
            let mut __seen = [0u64; 1];
            if let ::core::option::Option::Some((__key, __text)) = __type_member {
                ::odata_resource::__private::type_member(
                    __key,
                    __text,
                    ::odata_resource::__private::Undeclared {
                        annotations: ::core::option::Option::Some(
                            &mut __value.annotations,
                        ),
                        additional: ::core::option::Option::Some(
                            &mut __value.additional,
                        ),
                        declared_type: &"#microsoft.graph.teamsAsyncOperation",
                    },
                );
            }
            while let ::core::option::Option::Some(__key) = ::odata_resource::__private::next_key(
                &mut __map,
                &[
                    "id",
                    "operationType",
                    "createdDateTime",
                    "status",
                    "lastActionDateTime",
                    "attemptsCount",
                    "targetResourceId",
                    "targetResourceLocation",
                    "error",
                ],
            )? {
                match __key.as_str() {
                    "id" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            String,
                        >(&mut __map, &mut __value.id, &mut __seen, 0, "id")
                    }
                    "operationType" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            TeamsAsyncOperationType,
                        >(
                            &mut __map,
                            &mut __value.operation_type,
                            &mut __seen,
                            1,
                            "operationType",
                        )
                    }
                    "createdDateTime" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            DateTimeOffset,
                        >(
                            &mut __map,
                            &mut __value.created_date_time,
                            &mut __seen,
                            2,
                            "createdDateTime",
                        )
                    }
                    "status" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            TeamsAsyncOperationStatus,
                        >(&mut __map, &mut __value.status, &mut __seen, 3, "status")
                    }
                    "lastActionDateTime" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            DateTimeOffset,
                        >(
                            &mut __map,
                            &mut __value.last_action_date_time,
                            &mut __seen,
                            4,
                            "lastActionDateTime",
                        )
                    }
                    "attemptsCount" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            i32,
                        >(
                            &mut __map,
                            &mut __value.attempts_count,
                            &mut __seen,
                            5,
                            "attemptsCount",
                        )
                    }
                    "targetResourceId" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            String,
                        >(
                            &mut __map,
                            &mut __value.target_resource_id,
                            &mut __seen,
                            6,
                            "targetResourceId",
                        )
                    }
                    "targetResourceLocation" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            String,
                        >(
                            &mut __map,
                            &mut __value.target_resource_location,
                            &mut __seen,
                            7,
                            "targetResourceLocation",
                        )
                    }
                    "error" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            OperationError,
                        >(&mut __map, &mut __value.error, &mut __seen, 8, "error")
                    }
                    "@odata.type" => {
                        ::odata_resource::__private::odata_type(
                            &mut __map,
                            ::odata_resource::__private::Undeclared {
                                annotations: ::core::option::Option::Some(
                                    &mut __value.annotations,
                                ),
                                additional: ::core::option::Option::Some(
                                    &mut __value.additional,
                                ),
                                declared_type: &"#microsoft.graph.teamsAsyncOperation",
                            },
                        )
                    }
                    __other => {
                        ::odata_resource::__private::undeclared(
                            &mut __map,
                            __other,
                            ::odata_resource::__private::Undeclared {
                                annotations: ::core::option::Option::Some(
                                    &mut __value.annotations,
                                ),
                                additional: ::core::option::Option::Some(
                                    &mut __value.additional,
                                ),
                                declared_type: &"#microsoft.graph.teamsAsyncOperation",
                            },
                        )
                    }
                }?;
            }
            ::core::result::Result::Ok(__value)
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::serde::Serialize for TeamsAsyncOperation {
        #[inline]
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::odata_resource::__private::serde::Serializer,
        {
            <Self as ::odata_resource::__private::ODataType>::serialize_typed(
                self,
                __serializer,
                false,
            )
        }
    }
    #[automatically_derived]
    impl<'de> ::odata_resource::__private::serde::Deserialize<'de>
    for TeamsAsyncOperation {
        #[inline]
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::odata_resource::__private::serde::Deserializer<'de>,
        {
            ::odata_resource::__private::deserialize_object(
                __deserializer,
                "microsoft.graph.teamsAsyncOperation",
            )
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::ODataValue for TeamsAsyncOperation
    where
        for<'__v> TeamsAsyncOperationType: ::odata_resource::__private::ODataValue,
        for<'__v> TeamsAsyncOperationStatus: ::odata_resource::__private::ODataValue,
        for<'__v> DateTimeOffset: ::odata_resource::__private::ODataValue,
        for<'__v> i32: ::odata_resource::__private::ODataValue,
        for<'__v> String: ::odata_resource::__private::ODataValue,
        for<'__v> OperationError: ::odata_resource::__private::ODataValue,
    {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::begin_object(
                __out,
                b"\"@odata.type\":\"#microsoft.graph.teamsAsyncOperation\"",
            );
            ::odata_resource::__private::object_optional::<
                TeamsAsyncOperationType,
            >(__out, b",\"operationType\":", &self.operation_type);
            ::odata_resource::__private::object_optional::<
                TeamsAsyncOperationStatus,
            >(__out, b",\"status\":", &self.status);
            ::odata_resource::__private::object_optional::<
                DateTimeOffset,
            >(__out, b",\"lastActionDateTime\":", &self.last_action_date_time);
            ::odata_resource::__private::object_optional::<
                i32,
            >(__out, b",\"attemptsCount\":", &self.attempts_count);
            ::odata_resource::__private::object_optional::<
                String,
            >(__out, b",\"targetResourceId\":", &self.target_resource_id);
            ::odata_resource::__private::object_optional::<
                String,
            >(__out, b",\"targetResourceLocation\":", &self.target_resource_location);
            ::odata_resource::__private::object_optional::<
                OperationError,
            >(__out, b",\"error\":", &self.error);
            ::odata_resource::__private::object_additional(__out, &self.additional);
            ::odata_resource::__private::end_object(__out);
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            false
                || <Option<
                    TeamsAsyncOperationType,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.operation_type,
                )
                || <Option<
                    TeamsAsyncOperationStatus,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.status,
                )
                || <Option<
                    DateTimeOffset,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.last_action_date_time,
                )
                || <Option<
                    i32,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.attempts_count,
                )
                || <Option<
                    String,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.target_resource_id,
                )
                || <Option<
                    String,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.target_resource_location,
                )
                || <Option<
                    OperationError,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.error,
                )
        }
        #[inline]
        fn write_changes(
            &self,
            __old: &Self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
        ) -> ::core::primitive::bool {
            let __at = ::odata_resource::__private::begin_changes(
                __out,
                b"\"@odata.type\":\"#microsoft.graph.teamsAsyncOperation\"",
            );
            ::odata_resource::__private::change_optional::<
                TeamsAsyncOperationType,
            >(
                __out,
                b",\"operationType\":",
                &__old.operation_type,
                &self.operation_type,
                false,
            );
            ::odata_resource::__private::change_optional::<
                TeamsAsyncOperationStatus,
            >(__out, b",\"status\":", &__old.status, &self.status, false);
            ::odata_resource::__private::change_optional::<
                DateTimeOffset,
            >(
                __out,
                b",\"lastActionDateTime\":",
                &__old.last_action_date_time,
                &self.last_action_date_time,
                false,
            );
            ::odata_resource::__private::change_optional::<
                i32,
            >(
                __out,
                b",\"attemptsCount\":",
                &__old.attempts_count,
                &self.attempts_count,
                false,
            );
            ::odata_resource::__private::change_optional::<
                String,
            >(
                __out,
                b",\"targetResourceId\":",
                &__old.target_resource_id,
                &self.target_resource_id,
                true,
            );
            ::odata_resource::__private::change_optional::<
                String,
            >(
                __out,
                b",\"targetResourceLocation\":",
                &__old.target_resource_location,
                &self.target_resource_location,
                true,
            );
            ::odata_resource::__private::change_optional::<
                OperationError,
            >(__out, b",\"error\":", &__old.error, &self.error, true);
            ::odata_resource::__private::end_changes(__out, __at)
        }
    }
    #[doc(hidden)]
    mod __read_only {
        #[allow(non_camel_case_types, dead_code)]
        pub struct id;
        #[allow(non_camel_case_types, dead_code)]
        pub struct createdDateTime;
    }
    #[automatically_derived]
    #[allow(clippy::should_implement_trait)]
    impl TeamsAsyncOperationPatch {
        #[doc(hidden)]
        #[allow(dead_code)]
        #[inline]
        pub fn id<__V>(self, _: __V) -> Self
        where
            for<'__r> __read_only::id: ::odata_resource::__private::Writable,
        {
            self
        }
        #[doc(hidden)]
        #[allow(dead_code)]
        #[inline]
        pub fn created_date_time<__V>(self, _: __V) -> Self
        where
            for<'__r> __read_only::createdDateTime: ::odata_resource::__private::Writable,
        {
            self
        }
        #[inline]
        fn __new(
            __path: ::core::result::Result<
                ::std::vec::Vec<::core::primitive::u8>,
                ::odata_resource::__private::Error,
            >,
        ) -> Self {
            TeamsAsyncOperationPatch {
                __base: ::odata_resource::__private::PatchBase::new(__path),
                operation_type: ::odata_resource::__private::Slot::Absent,
                status: ::odata_resource::__private::Slot::Absent,
                last_action_date_time: ::odata_resource::__private::Slot::Absent,
                attempts_count: ::odata_resource::__private::Slot::Absent,
                target_resource_id: ::odata_resource::__private::Slot::Absent,
                target_resource_location: ::odata_resource::__private::Slot::Absent,
                error: ::odata_resource::__private::Slot::Absent,
            }
        }
        /// Whether any property is set (a PATCH without one changes nothing).
        #[inline]
        fn __changed(&self) -> ::core::primitive::bool {
            false || !self.operation_type.is_absent() || !self.status.is_absent()
                || !self.last_action_date_time.is_absent()
                || !self.attempts_count.is_absent()
                || !self.target_resource_id.is_absent()
                || !self.target_resource_location.is_absent() || !self.error.is_absent()
        }
        ///Sets `operationType`.
        #[inline]
        pub fn operation_type<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<
                TeamsAsyncOperationType,
                __How,
            >,
        ) -> Self {
            self.operation_type = ::odata_resource::__private::PropertyValue::into_slot(
                value,
            );
            self
        }
        ///Sets `status`.
        #[inline]
        pub fn status<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<
                TeamsAsyncOperationStatus,
                __How,
            >,
        ) -> Self {
            self.status = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sets `lastActionDateTime`.
        #[inline]
        pub fn last_action_date_time<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<DateTimeOffset, __How>,
        ) -> Self {
            self.last_action_date_time = ::odata_resource::__private::PropertyValue::into_slot(
                value,
            );
            self
        }
        ///Sets `attemptsCount`.
        #[inline]
        pub fn attempts_count<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<i32, __How>,
        ) -> Self {
            self.attempts_count = ::odata_resource::__private::PropertyValue::into_slot(
                value,
            );
            self
        }
        ///Sets `targetResourceId`.
        #[inline]
        pub fn target_resource_id<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<String, __How>,
        ) -> Self {
            self.target_resource_id = ::odata_resource::__private::PropertyValue::into_slot(
                value,
            );
            self
        }
        ///Sends `"targetResourceId": null`, clearing it.
        #[inline]
        pub fn clear_target_resource_id(mut self) -> Self {
            self.target_resource_id = ::odata_resource::__private::Slot::Null;
            self
        }
        ///Sets `targetResourceLocation`.
        #[inline]
        pub fn target_resource_location<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<String, __How>,
        ) -> Self {
            self.target_resource_location = ::odata_resource::__private::PropertyValue::into_slot(
                value,
            );
            self
        }
        ///Sends `"targetResourceLocation": null`, clearing it.
        #[inline]
        pub fn clear_target_resource_location(mut self) -> Self {
            self.target_resource_location = ::odata_resource::__private::Slot::Null;
            self
        }
        ///Sets `error`.
        #[inline]
        pub fn error<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<OperationError, __How>,
        ) -> Self {
            self.error = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sends `"error": null`, clearing it.
        #[inline]
        pub fn clear_error(mut self) -> Self {
            self.error = ::odata_resource::__private::Slot::Null;
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
        pub fn diff(
            mut self,
            old: &TeamsAsyncOperation,
            new: &TeamsAsyncOperation,
        ) -> Self
        where
            for<'__diff> TeamsAsyncOperation: ::odata_resource::__private::Diff<
                Builder = Self,
            >,
        {
            <TeamsAsyncOperation as ::odata_resource::__private::Diff>::diff_into(
                &mut self,
                old,
                new,
            );
            self
        }
        /// `diff(read, new)` and `if_match` with the ETag `read` was received with (its
        /// `@odata.etag`, or the `ETag` header a GET kept), in one call: the PATCH of a
        /// read–modify–write, answered 412 if someone changed the resource since.
        #[inline]
        pub fn diff_with_etag(
            self,
            read: &TeamsAsyncOperation,
            new: &TeamsAsyncOperation,
        ) -> Self
        where
            for<'__diff> TeamsAsyncOperation: ::odata_resource::__private::Diff<
                Builder = Self,
            >,
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
            ::odata_resource::__private::PatchRequest<TeamsAsyncOperation>,
            ::odata_resource::__private::Error,
        > {
            let mut __body = self
                .__base
                .body(
                    b"\"@odata.type\":\"#microsoft.graph.teamsAsyncOperation\"",
                    400usize,
                );
            __body
                .property::<
                    TeamsAsyncOperationType,
                >(b",\"operationType\":", &self.operation_type);
            __body.property::<TeamsAsyncOperationStatus>(b",\"status\":", &self.status);
            __body
                .property::<
                    DateTimeOffset,
                >(b",\"lastActionDateTime\":", &self.last_action_date_time);
            __body.property::<i32>(b",\"attemptsCount\":", &self.attempts_count);
            __body
                .property::<String>(b",\"targetResourceId\":", &self.target_resource_id);
            __body
                .property::<
                    String,
                >(b",\"targetResourceLocation\":", &self.target_resource_location);
            __body.property::<OperationError>(b",\"error\":", &self.error);
            __body.finish()
        }
    }
    #[automatically_derived]
    #[allow(clippy::too_many_arguments)]
    impl TeamsAsyncOperation {
        ///Starts a PATCH of `/teams/{teamsId}/operations`.
        #[inline]
        pub fn patch_team(
            teams_id: impl ::core::convert::AsRef<::core::primitive::str>,
        ) -> TeamsAsyncOperationPatch {
            TeamsAsyncOperationPatch::__new(
                ::odata_resource::__private::request_path(
                    &["/teams/", "/operations"],
                    &[("teamsId", ::core::convert::AsRef::as_ref(&teams_id))],
                    418usize,
                ),
            )
        }
        ///Starts a PATCH of `/invitations/{invitationsId}/invitedUser/joinedGroups/{groupId}/team/operations`.
        #[inline]
        pub fn patch_invited_user_team(
            invitations_id: impl ::core::convert::AsRef<::core::primitive::str>,
            group_id: impl ::core::convert::AsRef<::core::primitive::str>,
        ) -> TeamsAsyncOperationPatch {
            TeamsAsyncOperationPatch::__new(
                ::odata_resource::__private::request_path(
                    &["/invitations/", "/invitedUser/joinedGroups/", "/team/operations"],
                    &[
                        (
                            "invitationsId",
                            ::core::convert::AsRef::as_ref(&invitations_id),
                        ),
                        ("groupId", ::core::convert::AsRef::as_ref(&group_id)),
                    ],
                    455usize,
                ),
            )
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::Diff for TeamsAsyncOperation
    where
        for<'__diff> TeamsAsyncOperationType: ::odata_resource::__private::DiffValue,
        for<'__diff> TeamsAsyncOperationStatus: ::odata_resource::__private::DiffValue,
        for<'__diff> DateTimeOffset: ::odata_resource::__private::DiffValue,
        for<'__diff> i32: ::odata_resource::__private::DiffValue,
        for<'__diff> String: ::odata_resource::__private::DiffValue,
        for<'__diff> OperationError: ::odata_resource::__private::DiffValue,
    {
        type Builder = TeamsAsyncOperationPatch;
        #[inline]
        fn diff_into(
            __builder: &mut TeamsAsyncOperationPatch,
            __old: &Self,
            __new: &Self,
        ) {
            ::odata_resource::__private::diff_option(
                &mut __builder.operation_type,
                &__old.operation_type,
                &__new.operation_type,
                false,
            );
            ::odata_resource::__private::diff_option(
                &mut __builder.status,
                &__old.status,
                &__new.status,
                false,
            );
            ::odata_resource::__private::diff_option(
                &mut __builder.last_action_date_time,
                &__old.last_action_date_time,
                &__new.last_action_date_time,
                false,
            );
            ::odata_resource::__private::diff_option(
                &mut __builder.attempts_count,
                &__old.attempts_count,
                &__new.attempts_count,
                false,
            );
            ::odata_resource::__private::diff_option(
                &mut __builder.target_resource_id,
                &__old.target_resource_id,
                &__new.target_resource_id,
                true,
            );
            ::odata_resource::__private::diff_option(
                &mut __builder.target_resource_location,
                &__old.target_resource_location,
                &__new.target_resource_location,
                true,
            );
            ::odata_resource::__private::diff_option(
                &mut __builder.error,
                &__old.error,
                &__new.error,
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
            let mut __builder = TeamsAsyncOperationPatch::__new(
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
    impl TeamsAsyncOperation {
        ///Starts a GET of `/teams/{teamsId}/operations`.
        #[inline]
        pub fn get_team(
            teams_id: impl ::core::convert::AsRef<::core::primitive::str>,
        ) -> ::odata_resource::__private::Get<Self> {
            ::odata_resource::__private::Get::new(
                ::odata_resource::__private::request_path(
                    &["/teams/", "/operations"],
                    &[("teamsId", ::core::convert::AsRef::as_ref(&teams_id))],
                    18usize,
                ),
            )
        }
        ///Starts a GET of `/invitations/{invitationsId}/invitedUser/joinedGroups/{groupId}/team/operations`.
        #[inline]
        pub fn get_invited_user_team(
            invitations_id: impl ::core::convert::AsRef<::core::primitive::str>,
            group_id: impl ::core::convert::AsRef<::core::primitive::str>,
        ) -> ::odata_resource::__private::Get<Self> {
            ::odata_resource::__private::Get::new(
                ::odata_resource::__private::request_path(
                    &["/invitations/", "/invitedUser/joinedGroups/", "/team/operations"],
                    &[
                        (
                            "invitationsId",
                            ::core::convert::AsRef::as_ref(&invitations_id),
                        ),
                        ("groupId", ::core::convert::AsRef::as_ref(&group_id)),
                    ],
                    55usize,
                ),
            )
        }
        ///`id`, for `select`.
        pub const ID: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "id",
        );
        ///`operationType`, for `select`.
        pub const OPERATION_TYPE: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "operationType",
        );
        ///`createdDateTime`, for `select`.
        pub const CREATED_DATE_TIME: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "createdDateTime",
        );
        ///`status`, for `select`.
        pub const STATUS: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "status",
        );
        ///`lastActionDateTime`, for `select`.
        pub const LAST_ACTION_DATE_TIME: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "lastActionDateTime",
        );
        ///`attemptsCount`, for `select`.
        pub const ATTEMPTS_COUNT: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "attemptsCount",
        );
        ///`targetResourceId`, for `select`.
        pub const TARGET_RESOURCE_ID: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "targetResourceId",
        );
        ///`targetResourceLocation`, for `select`.
        pub const TARGET_RESOURCE_LOCATION: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "targetResourceLocation",
        );
        ///`error`, for `select`.
        pub const ERROR: ::odata_resource::__private::Field<Self> = ::odata_resource::__private::Field::new(
            "error",
        );
    }
};

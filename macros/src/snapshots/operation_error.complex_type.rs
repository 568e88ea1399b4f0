///Changes to a [`OperationError`] value inside a PATCH: each property left out (unchanged), `null` or a value, as on a resource's builder. Made by [`OperationError::patch`]; pass it to the setter of a `OperationError` property.
#[must_use = "nested changes do nothing until they are passed to a setter"]
pub struct OperationErrorPatch {
    code: ::odata_resource::__private::Slot<String>,
    message: ::odata_resource::__private::Slot<String>,
}
#[doc(hidden)]
const _: () = {
    #[automatically_derived]
    impl ::odata_resource::__private::ODataType for OperationError {
        const TYPE_NAME: &'static str = "microsoft.graph.operationError";
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
                ::core::option::Option::Some("#microsoft.graph.operationError"),
                ::core::option::Option::None,
                __typed,
            );
            ::odata_resource::__private::entry_optional::<
                _,
                String,
            >(&mut __map, "code", &self.code);
            ::odata_resource::__private::entry_optional::<
                _,
                String,
            >(&mut __map, "message", &self.message);
            ::odata_resource::__private::end_serialize(
                __map,
                ::core::option::Option::None,
            )
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
            let mut __value = OperationError {
                code: ::core::option::Option::None,
                message: ::core::option::Option::None,
            };
            let mut __seen = [0u64; 1];
            let _ = __type_member;
            while let ::core::option::Option::Some(__key) = ::odata_resource::__private::next_key(
                &mut __map,
                &["code", "message"],
            )? {
                match __key.as_str() {
                    "code" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            String,
                        >(&mut __map, &mut __value.code, &mut __seen, 0, "code")
                    }
                    "message" => {
                        ::odata_resource::__private::in_place::<
                            _,
                            String,
                        >(&mut __map, &mut __value.message, &mut __seen, 1, "message")
                    }
                    "@odata.type" => {
                        ::odata_resource::__private::odata_type(
                            &mut __map,
                            ::odata_resource::__private::Undeclared {
                                annotations: ::core::option::Option::None,
                                additional: ::core::option::Option::None,
                                declared_type: &"#microsoft.graph.operationError",
                            },
                        )
                    }
                    __other => {
                        ::odata_resource::__private::undeclared(
                            &mut __map,
                            __other,
                            ::odata_resource::__private::Undeclared {
                                annotations: ::core::option::Option::None,
                                additional: ::core::option::Option::None,
                                declared_type: &"#microsoft.graph.operationError",
                            },
                        )
                    }
                }?;
            }
            ::core::result::Result::Ok(__value)
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::serde::Serialize for OperationError {
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
    impl<'de> ::odata_resource::__private::serde::Deserialize<'de> for OperationError {
        #[inline]
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::odata_resource::__private::serde::Deserializer<'de>,
        {
            ::odata_resource::__private::deserialize_object(
                __deserializer,
                "microsoft.graph.operationError",
            )
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::ODataValue for OperationError {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::begin_object(
                __out,
                b"\"@odata.type\":\"#microsoft.graph.operationError\"",
            );
            ::odata_resource::__private::object_optional::<
                String,
            >(__out, b",\"code\":", &self.code);
            ::odata_resource::__private::object_optional::<
                String,
            >(__out, b",\"message\":", &self.message);
            ::odata_resource::__private::end_object(__out);
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            false
                || <Option<
                    String,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.code,
                )
                || <Option<
                    String,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.message,
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
                b"\"@odata.type\":\"#microsoft.graph.operationError\"",
            );
            ::odata_resource::__private::change_optional::<
                String,
            >(__out, b",\"code\":", &__old.code, &self.code, true);
            ::odata_resource::__private::change_optional::<
                String,
            >(__out, b",\"message\":", &__old.message, &self.message, true);
            ::odata_resource::__private::end_changes(__out, __at)
        }
    }
    #[automatically_derived]
    #[allow(dead_code)]
    #[allow(clippy::should_implement_trait)]
    impl OperationErrorPatch {
        ///Sets `code`.
        #[inline]
        pub fn code<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<String, __How>,
        ) -> Self {
            self.code = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sends `"code": null`, clearing it.
        #[inline]
        pub fn clear_code(mut self) -> Self {
            self.code = ::odata_resource::__private::Slot::Null;
            self
        }
        ///Sets `message`.
        #[inline]
        pub fn message<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<String, __How>,
        ) -> Self {
            self.message = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sends `"message": null`, clearing it.
        #[inline]
        pub fn clear_message(mut self) -> Self {
            self.message = ::odata_resource::__private::Slot::Null;
            self
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::ODataValue for OperationErrorPatch {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::begin_object(
                __out,
                b"\"@odata.type\":\"#microsoft.graph.operationError\"",
            );
            ::odata_resource::__private::nested_member::<
                String,
            >(__out, b",\"code\":", &self.code);
            ::odata_resource::__private::nested_member::<
                String,
            >(__out, b",\"message\":", &self.message);
            ::odata_resource::__private::end_object(__out);
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            false || self.code.needs_unknown_enum_members()
                || self.message.needs_unknown_enum_members()
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::NestedPatch for OperationErrorPatch {
        type Target = OperationError;
    }
    #[automatically_derived]
    impl OperationError {
        /// Starts changes to a value of this type for a PATCH body: set, clear or leave out
        /// each property, then pass the result to the property's setter.
        #[inline]
        pub fn patch() -> OperationErrorPatch {
            OperationErrorPatch {
                code: ::odata_resource::__private::Slot::Absent,
                message: ::odata_resource::__private::Slot::Absent,
            }
        }
    }
};

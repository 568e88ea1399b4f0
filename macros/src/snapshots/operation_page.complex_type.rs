///Changes to a [`OperationPage`] value inside a PATCH: each property left out (unchanged), `null` or a value, as on a resource's builder. Made by [`OperationPage::patch`]; pass it to the setter of a `OperationPage` property.
#[must_use = "nested changes do nothing until they are passed to a setter"]
pub struct OperationPagePatch {
    value: ::odata_resource::__private::Slot<Vec<TeamsAsyncOperation>>,
    tags: ::odata_resource::__private::Slot<::std::vec::Vec<String>>,
    count: ::odata_resource::__private::Slot<i64>,
}
#[doc(hidden)]
const _: () = {
    #[automatically_derived]
    impl ::odata_resource::__private::ODataType for OperationPage {
        const TYPE_NAME: &'static str = "test.operationPage";
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
                ::core::option::Option::Some("#test.operationPage"),
                ::core::option::Option::None,
                __typed,
            );
            ::odata_resource::__private::entry::<
                _,
                Vec<TeamsAsyncOperation>,
            >(&mut __map, "value", &self.value);
            ::odata_resource::__private::entry_optional::<
                _,
                ::std::vec::Vec<String>,
            >(&mut __map, "tags", &self.tags);
            ::odata_resource::__private::entry_optional::<
                _,
                i64,
            >(&mut __map, "count", &self.count);
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
            let mut __f0: ::core::option::Option<Vec<TeamsAsyncOperation>> = ::core::option::Option::None;
            let mut __f1: ::core::option::Option<Option<::std::vec::Vec<String>>> = ::core::option::Option::None;
            let mut __f2: ::core::option::Option<Option<i64>> = ::core::option::Option::None;
            let _ = __type_member;
            while let ::core::option::Option::Some(__key) = ::odata_resource::__private::next_key(
                &mut __map,
                &["value", "tags", "count"],
            )? {
                match __key.as_str() {
                    "value" => {
                        ::odata_resource::__private::items::<
                            _,
                            TeamsAsyncOperation,
                        >(&mut __map, &mut __f0, "value")
                    }
                    "tags" => {
                        ::odata_resource::__private::optional_items::<
                            _,
                            String,
                        >(&mut __map, &mut __f1, "tags")
                    }
                    "count" => {
                        ::odata_resource::__private::property::<
                            _,
                            Option<i64>,
                        >(&mut __map, &mut __f2, "count")
                    }
                    "@odata.type" => {
                        ::odata_resource::__private::odata_type(
                            &mut __map,
                            ::odata_resource::__private::Undeclared {
                                annotations: ::core::option::Option::None,
                                additional: ::core::option::Option::None,
                                declared_type: &"#test.operationPage",
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
                                declared_type: &"#test.operationPage",
                            },
                        )
                    }
                }?;
            }
            ::odata_resource::__private::fill::<
                Vec<TeamsAsyncOperation>,
                _,
            >(&mut __f0, "value")?;
            ::core::result::Result::Ok(OperationPage {
                value: ::odata_resource::__private::filled(__f0),
                tags: ::core::option::Option::flatten(__f1),
                count: ::core::option::Option::flatten(__f2),
            })
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::serde::Serialize for OperationPage {
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
    impl<'de> ::odata_resource::__private::serde::Deserialize<'de> for OperationPage {
        #[inline]
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::odata_resource::__private::serde::Deserializer<'de>,
        {
            ::odata_resource::__private::deserialize_object(
                __deserializer,
                "test.operationPage",
            )
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::ODataValue for OperationPage {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::begin_object(
                __out,
                b"\"@odata.type\":\"#test.operationPage\"",
            );
            ::odata_resource::__private::object_property::<
                Vec<TeamsAsyncOperation>,
            >(__out, b",\"value\":", &self.value);
            ::odata_resource::__private::object_optional::<
                ::std::vec::Vec<String>,
            >(__out, b",\"tags\":", &self.tags);
            ::odata_resource::__private::object_optional::<
                i64,
            >(__out, b",\"count\":", &self.count);
            ::odata_resource::__private::end_object(__out);
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            false
                || <Vec<
                    TeamsAsyncOperation,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.value,
                )
                || <Option<
                    ::std::vec::Vec<String>,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.tags,
                )
                || <Option<
                    i64,
                > as ::odata_resource::__private::ODataValue>::needs_unknown_enum_members(
                    &self.count,
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
                b"\"@odata.type\":\"#test.operationPage\"",
            );
            ::odata_resource::__private::change_required::<
                Vec<TeamsAsyncOperation>,
            >(__out, b",\"value\":", &__old.value, &self.value);
            ::odata_resource::__private::change_optional::<
                ::std::vec::Vec<String>,
            >(__out, b",\"tags\":", &__old.tags, &self.tags, true);
            ::odata_resource::__private::change_optional::<
                i64,
            >(__out, b",\"count\":", &__old.count, &self.count, true);
            ::odata_resource::__private::end_changes(__out, __at)
        }
    }
    #[automatically_derived]
    #[allow(dead_code)]
    #[allow(clippy::should_implement_trait)]
    impl OperationPagePatch {
        ///Sets `value`.
        #[inline]
        pub fn value<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<
                Vec<TeamsAsyncOperation>,
                __How,
            >,
        ) -> Self {
            self.value = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sets `tags`.
        #[inline]
        pub fn tags<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<
                ::std::vec::Vec<String>,
                __How,
            >,
        ) -> Self {
            self.tags = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sends `"tags": null`, clearing it.
        #[inline]
        pub fn clear_tags(mut self) -> Self {
            self.tags = ::odata_resource::__private::Slot::Null;
            self
        }
        ///Sets `count`.
        #[inline]
        pub fn count<__How>(
            mut self,
            value: impl ::odata_resource::__private::PropertyValue<i64, __How>,
        ) -> Self {
            self.count = ::odata_resource::__private::PropertyValue::into_slot(value);
            self
        }
        ///Sends `"count": null`, clearing it.
        #[inline]
        pub fn clear_count(mut self) -> Self {
            self.count = ::odata_resource::__private::Slot::Null;
            self
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::ODataValue for OperationPagePatch {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::begin_object(
                __out,
                b"\"@odata.type\":\"#test.operationPage\"",
            );
            ::odata_resource::__private::nested_member::<
                Vec<TeamsAsyncOperation>,
            >(__out, b",\"value\":", &self.value);
            ::odata_resource::__private::nested_member::<
                ::std::vec::Vec<String>,
            >(__out, b",\"tags\":", &self.tags);
            ::odata_resource::__private::nested_member::<
                i64,
            >(__out, b",\"count\":", &self.count);
            ::odata_resource::__private::end_object(__out);
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            false || self.value.needs_unknown_enum_members()
                || self.tags.needs_unknown_enum_members()
                || self.count.needs_unknown_enum_members()
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::NestedPatch for OperationPagePatch {
        type Target = OperationPage;
    }
    #[automatically_derived]
    impl OperationPage {
        /// Starts changes to a value of this type for a PATCH body: set, clear or leave out
        /// each property, then pass the result to the property's setter.
        #[inline]
        pub fn patch() -> OperationPagePatch {
            OperationPagePatch {
                value: ::odata_resource::__private::Slot::Absent,
                tags: ::odata_resource::__private::Slot::Absent,
                count: ::odata_resource::__private::Slot::Absent,
            }
        }
    }
};

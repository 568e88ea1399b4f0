#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications, clippy::all, clippy::pedantic)]
const _: () = {
    #[automatically_derived]
    impl ::odata_resource::ODataType for OperationPage {
        const TYPE_NAME: &'static str = "test.operationPage";
    }
    #[automatically_derived]
    impl ::odata_resource::__private::serde::Serialize for OperationPage {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::odata_resource::__private::serde::Serializer,
        {
            use ::odata_resource::__private::serde::ser::SerializeMap as _;
            let mut __map = ::odata_resource::__private::begin_serialize(
                __serializer,
                ::core::option::Option::Some("#test.operationPage"),
                ::core::option::Option::None,
            )?;
            __map.serialize_entry::<_, Vec<TeamsAsyncOperation>>("value", &self.value)?;
            __map
                .serialize_entry::<
                    _,
                    Option<::std::vec::Vec<String>>,
                >("tags", &self.tags)?;
            __map.serialize_entry::<_, Option<i64>>("count", &self.count)?;
            ::odata_resource::__private::end_serialize(
                __map,
                ::core::option::Option::None,
            )
        }
    }
    #[automatically_derived]
    impl<'de> ::odata_resource::__private::serde::Deserialize<'de> for OperationPage {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::odata_resource::__private::serde::Deserializer<'de>,
        {
            struct __Visitor;
            impl<'de> ::odata_resource::__private::serde::de::Visitor<'de>
            for __Visitor {
                type Value = OperationPage;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::odata_resource::__private::expecting(__f, "test.operationPage")
                }
                fn visit_map<__A>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<OperationPage, __A::Error>
                where
                    __A: ::odata_resource::__private::serde::de::MapAccess<'de>,
                {
                    let mut __f0: ::core::option::Option<Vec<TeamsAsyncOperation>> = ::core::option::Option::None;
                    let mut __f1: ::core::option::Option<
                        Option<::std::vec::Vec<String>>,
                    > = ::core::option::Option::None;
                    let mut __f2: ::core::option::Option<Option<i64>> = ::core::option::Option::None;
                    while let ::core::option::Option::Some(__key) = __map
                        .next_key::<::odata_resource::__private::Key<'de>>()?
                    {
                        match __key.as_str() {
                            "value" => {
                                ::odata_resource::__private::items::<
                                    _,
                                    TeamsAsyncOperation,
                                >(&mut __map, &mut __f0, "value")?
                            }
                            "tags" => {
                                ::odata_resource::__private::optional_items::<
                                    _,
                                    String,
                                >(&mut __map, &mut __f1, "tags")?
                            }
                            "count" => {
                                ::odata_resource::__private::property::<
                                    _,
                                    Option<i64>,
                                >(&mut __map, &mut __f2, "count")?
                            }
                            __other => {
                                ::odata_resource::__private::undeclared(
                                    &mut __map,
                                    __other,
                                    ::odata_resource::__private::Undeclared {
                                        annotations: ::core::option::Option::None,
                                        additional: ::core::option::Option::None,
                                        declared_type: "#test.operationPage",
                                    },
                                )?
                            }
                        }
                    }
                    ::core::result::Result::Ok(OperationPage {
                        value: ::odata_resource::__private::finish::<
                            Vec<TeamsAsyncOperation>,
                            _,
                        >(__f0, "value")?,
                        tags: ::odata_resource::__private::finish::<
                            Option<::std::vec::Vec<String>>,
                            _,
                        >(__f1, "tags")?,
                        count: ::odata_resource::__private::finish::<
                            Option<i64>,
                            _,
                        >(__f2, "count")?,
                    })
                }
            }
            __deserializer.deserialize_map(__Visitor)
        }
    }
    #[automatically_derived]
    impl ::odata_resource::ODataValue for OperationPage {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::begin_object(
                __out,
                b"\"@odata.type\":\"#test.operationPage\"",
            );
            ::odata_resource::__private::object_property::<
                Vec<TeamsAsyncOperation>,
            >(__out, b",\"value\":", &self.value);
            ::odata_resource::__private::object_property::<
                Option<::std::vec::Vec<String>>,
            >(__out, b",\"tags\":", &self.tags);
            ::odata_resource::__private::object_property::<
                Option<i64>,
            >(__out, b",\"count\":", &self.count);
            ::odata_resource::__private::end_object(__out);
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            false
                || <Vec<
                    TeamsAsyncOperation,
                > as ::odata_resource::ODataValue>::needs_unknown_enum_members(
                    &self.value,
                )
                || <Option<
                    ::std::vec::Vec<String>,
                > as ::odata_resource::ODataValue>::needs_unknown_enum_members(
                    &self.tags,
                )
                || <Option<
                    i64,
                > as ::odata_resource::ODataValue>::needs_unknown_enum_members(
                    &self.count,
                )
        }
    }
};

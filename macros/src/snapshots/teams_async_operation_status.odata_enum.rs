#[doc(hidden)]
const _: () = {
    #[automatically_derived]
    impl ::odata_resource::__private::ODataEnum for TeamsAsyncOperationStatus {
        const NAME: &'static str = "TeamsAsyncOperationStatus";
        const MEMBERS: &'static [&'static str] = &[
            "invalid",
            "notStarted",
            "inProgress",
            "succeeded",
            "failed",
            "unknownFutureValue",
        ];
        #[inline]
        fn wire_name(&self) -> &::core::primitive::str {
            match self {
                TeamsAsyncOperationStatus::Invalid => "invalid",
                TeamsAsyncOperationStatus::NotStarted => "notStarted",
                TeamsAsyncOperationStatus::InProgress => "inProgress",
                TeamsAsyncOperationStatus::Succeeded => "succeeded",
                TeamsAsyncOperationStatus::Failed => "failed",
                TeamsAsyncOperationStatus::UnknownFutureValue => "unknownFutureValue",
                TeamsAsyncOperationStatus::Other(__text) => __text,
            }
        }
        #[inline]
        fn from_wire_name(
            __name: &::core::primitive::str,
        ) -> ::core::result::Result<
            Self,
            ::odata_resource::__private::UnknownEnumMember,
        > {
            match __name {
                "invalid" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationStatus::Invalid)
                }
                "notStarted" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationStatus::NotStarted)
                }
                "inProgress" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationStatus::InProgress)
                }
                "succeeded" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationStatus::Succeeded)
                }
                "failed" => ::core::result::Result::Ok(TeamsAsyncOperationStatus::Failed),
                "unknownFutureValue" => {
                    ::core::result::Result::Ok(
                        TeamsAsyncOperationStatus::UnknownFutureValue,
                    )
                }
                __other => {
                    ::core::result::Result::Ok(
                        TeamsAsyncOperationStatus::Other(
                            ::core::convert::From::from(__other),
                        ),
                    )
                }
            }
        }
        #[inline]
        fn is_unknown_future_member(&self) -> ::core::primitive::bool {
            ::core::matches!(self, TeamsAsyncOperationStatus::Other(_))
        }
    }
    #[automatically_derived]
    impl TeamsAsyncOperationStatus {
        /// The member's name on the wire.
        #[inline]
        pub fn as_str(&self) -> &::core::primitive::str {
            ::odata_resource::__private::ODataEnum::wire_name(self)
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for TeamsAsyncOperationStatus {
        #[inline]
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __f.write_str(::odata_resource::__private::ODataEnum::wire_name(self))
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for TeamsAsyncOperationStatus {
        type Err = ::odata_resource::__private::UnknownEnumMember;
        #[inline]
        fn from_str(
            __s: &::core::primitive::str,
        ) -> ::core::result::Result<Self, Self::Err> {
            ::odata_resource::__private::ODataEnum::from_wire_name(__s)
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::serde::Serialize for TeamsAsyncOperationStatus {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::odata_resource::__private::serde::Serializer,
        {
            ::odata_resource::__private::serialize_enum(self, __serializer)
        }
    }
    #[automatically_derived]
    impl<'de> ::odata_resource::__private::serde::Deserialize<'de>
    for TeamsAsyncOperationStatus {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::odata_resource::__private::serde::Deserializer<'de>,
        {
            ::odata_resource::__private::deserialize_enum(__deserializer)
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::ODataValue for TeamsAsyncOperationStatus {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::write_enum(
                self,
                !::core::matches!(self, TeamsAsyncOperationStatus::Other(_)),
                __out,
            );
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            ::odata_resource::__private::ODataEnum::is_unknown_future_member(self)
        }
    }
};

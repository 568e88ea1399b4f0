#[doc(hidden)]
const _: () = {
    #[automatically_derived]
    impl ::odata_resource::__private::ODataEnum for TeamsAsyncOperationType {
        const NAME: &'static str = "TeamsAsyncOperationType";
        const MEMBERS: &'static [&'static str] = &[
            "invalid",
            "cloneTeam",
            "archiveTeam",
            "unarchiveTeam",
            "createTeam",
            "unknownFutureValue",
            "teamifyGroup",
            "createChannel",
            "archiveChannel",
            "unarchiveChannel",
        ];
        #[inline]
        fn wire_name(&self) -> &::core::primitive::str {
            match self {
                TeamsAsyncOperationType::Invalid => "invalid",
                TeamsAsyncOperationType::CloneTeam => "cloneTeam",
                TeamsAsyncOperationType::ArchiveTeam => "archiveTeam",
                TeamsAsyncOperationType::UnarchiveTeam => "unarchiveTeam",
                TeamsAsyncOperationType::CreateTeam => "createTeam",
                TeamsAsyncOperationType::UnknownFutureValue => "unknownFutureValue",
                TeamsAsyncOperationType::TeamifyGroup => "teamifyGroup",
                TeamsAsyncOperationType::CreateChannel => "createChannel",
                TeamsAsyncOperationType::ArchiveChannel => "archiveChannel",
                TeamsAsyncOperationType::UnarchiveChannel => "unarchiveChannel",
                TeamsAsyncOperationType::Other(__text) => __text,
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
                "invalid" => ::core::result::Result::Ok(TeamsAsyncOperationType::Invalid),
                "cloneTeam" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::CloneTeam)
                }
                "archiveTeam" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::ArchiveTeam)
                }
                "unarchiveTeam" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::UnarchiveTeam)
                }
                "createTeam" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::CreateTeam)
                }
                "unknownFutureValue" => {
                    ::core::result::Result::Ok(
                        TeamsAsyncOperationType::UnknownFutureValue,
                    )
                }
                "teamifyGroup" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::TeamifyGroup)
                }
                "createChannel" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::CreateChannel)
                }
                "archiveChannel" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::ArchiveChannel)
                }
                "unarchiveChannel" => {
                    ::core::result::Result::Ok(TeamsAsyncOperationType::UnarchiveChannel)
                }
                __other => {
                    ::core::result::Result::Ok(
                        TeamsAsyncOperationType::Other(
                            ::core::convert::From::from(__other),
                        ),
                    )
                }
            }
        }
        #[inline]
        fn is_unknown_future_member(&self) -> ::core::primitive::bool {
            ::core::matches!(
                self, TeamsAsyncOperationType::TeamifyGroup |
                TeamsAsyncOperationType::CreateChannel |
                TeamsAsyncOperationType::ArchiveChannel |
                TeamsAsyncOperationType::UnarchiveChannel |
                TeamsAsyncOperationType::Other(_)
            )
        }
    }
    #[automatically_derived]
    impl TeamsAsyncOperationType {
        /// The member's name on the wire.
        #[inline]
        pub fn as_str(&self) -> &::core::primitive::str {
            ::odata_resource::__private::ODataEnum::wire_name(self)
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for TeamsAsyncOperationType {
        #[inline]
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __f.write_str(::odata_resource::__private::ODataEnum::wire_name(self))
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for TeamsAsyncOperationType {
        type Err = ::odata_resource::__private::UnknownEnumMember;
        #[inline]
        fn from_str(
            __s: &::core::primitive::str,
        ) -> ::core::result::Result<Self, Self::Err> {
            ::odata_resource::__private::ODataEnum::from_wire_name(__s)
        }
    }
    #[automatically_derived]
    impl ::odata_resource::__private::serde::Serialize for TeamsAsyncOperationType {
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
    for TeamsAsyncOperationType {
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
    impl ::odata_resource::__private::ODataValue for TeamsAsyncOperationType {
        #[inline]
        fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
            ::odata_resource::__private::write_enum(
                self,
                !::core::matches!(self, TeamsAsyncOperationType::Other(_)),
                __out,
            );
        }
        #[inline]
        fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
            ::odata_resource::__private::ODataEnum::is_unknown_future_member(self)
        }
    }
};

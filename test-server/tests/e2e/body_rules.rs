//! Rule 3: content type and the PATCH body reader.

use crate::common::*;

/// PATCHes `body` and expects a 400 `BadRequest` that leaves the entity and ETag alone.
async fn rejected(body: &str) -> String {
    let (server, etag) = server().await;
    let reply = patch(&server, OPS, body).send().await;
    let message = reply.assert_error(400, "BadRequest");
    assert_eq!(server.operation(TEAM), Some(sample_operation()), "{body}");
    assert_eq!(server.etag(TEAM), Some(etag), "{body}");
    message
}

async fn accepted(body: &str) -> serde_json::Value {
    let (server, _) = server().await;
    let reply = patch(&server, OPS, body).send().await;
    assert_eq!(reply.status, 200, "{body} → {}", reply.text());
    server.operation(TEAM).expect("stored")
}

#[tokio::test]
async fn non_json_content_type_is_415() {
    let (server, _) = server().await;
    for content_type in [
        "text/plain",
        "application/xml",
        "application/json-patch+json",
        "application/json; charset=iso-8859-1",
    ] {
        patch(&server, OPS, r#"{"status":"failed"}"#)
            .set("content-type", content_type)
            .send()
            .await
            .assert_error(415, "UnsupportedMediaType");
    }
    patch(&server, OPS, r#"{"status":"failed"}"#)
        .without("content-type")
        .send()
        .await
        .assert_error(415, "UnsupportedMediaType");
    assert_eq!(server.operation(TEAM), Some(sample_operation()));
}

#[tokio::test]
async fn json_content_type_parameters_and_case_are_accepted() {
    let (server, _) = server().await;
    for content_type in [
        "application/json; charset=utf-8",
        "Application/JSON;charset=\"UTF-8\"",
        "application/json;odata.metadata=minimal",
    ] {
        let reply = patch(&server, OPS, r#"{"status":"failed"}"#)
            .set("content-type", content_type)
            .send()
            .await;
        assert_eq!(reply.status, 200, "{content_type}: {}", reply.text());
    }
}

#[tokio::test]
async fn body_must_be_one_json_object() {
    assert!(rejected("").await.contains("Empty Payload"));
    assert!(rejected("[]").await.contains("found a JSON array"));
    assert!(rejected(r#""status""#)
        .await
        .contains("found a JSON string"));
    assert!(rejected("{").await.contains("not valid JSON"));
    assert!(rejected(r#"{"status":"failed"} {}"#)
        .await
        .contains("not valid JSON"));
    assert!(rejected("{\"status\":\"fa\u{0}iled")
        .await
        .contains("not valid JSON"));
}

#[tokio::test]
async fn duplicate_property_names_are_400() {
    let message = rejected(r#"{"status":"failed","status":"failed"}"#).await;
    assert!(
        message.contains("Multiple properties with the name 'status'"),
        "{message}"
    );
    let message = rejected(r#"{"error":{"code":"a","code":"b"}}"#).await;
    assert!(message.contains("'code'"), "{message}");
    let message = rejected(r#"{"custom":{"x":1,"x":2}}"#).await;
    assert!(message.contains("'x'"), "{message}");
}

#[tokio::test]
async fn odata_type_must_come_first() {
    let message =
        rejected(r##"{"status":"failed","@odata.type":"#microsoft.graph.teamsAsyncOperation"}"##)
            .await;
    assert!(
        message.starts_with(
            "The 'odata.type' instance annotation in a resource object must be the first property"
        ),
        "{message}"
    );
    let message =
        rejected(r##"{"error":{"code":"x","@odata.type":"#microsoft.graph.operationError"}}"##)
            .await;
    assert!(message.contains("'odata.type'"), "{message}");
}

#[tokio::test]
async fn odata_type_must_name_the_entity_type() {
    let message = rejected(r##"{"@odata.type":"#microsoft.graph.team","status":"failed"}"##).await;
    assert_eq!(
        message,
        "A type named '#microsoft.graph.team' could not be resolved by the model. When a model is available, each type name must resolve to a valid type."
    );
    rejected(r##"{"@odata.type":"#microsoft.graph.operationError"}"##).await;
    rejected(r#"{"@odata.type":42}"#).await;
    rejected(r##"{"error":{"@odata.type":"#microsoft.graph.teamsAsyncOperation"}}"##).await;

    for type_name in [
        "#microsoft.graph.teamsAsyncOperation",
        "microsoft.graph.teamsAsyncOperation",
    ] {
        let stored = accepted(&format!(
            r#"{{"@odata.type":"{type_name}","status":"failed"}}"#
        ))
        .await;
        assert_eq!(stored["status"], "failed");
        assert!(stored.get("@odata.type").is_none());
    }
}

#[tokio::test]
async fn other_annotations_are_400() {
    for body in [
        r#"{"@odata.etag":"W/\"1\"","status":"failed"}"#,
        r#"{"@odata.context":"x","status":"failed"}"#,
        r#"{"@foo.bar":1}"#,
        r##"{"status@odata.type":"#microsoft.graph.teamsAsyncOperationStatus","status":"failed"}"##,
        r#"{"status":"failed","status@foo.bar":1}"#,
        r#"{"error":{"code@foo.bar":1,"code":"x"}}"#,
        r#"{"error":{"@odata.etag":"x"}}"#,
        r#"{"custom":{"@foo.bar":1}}"#,
    ] {
        let message = rejected(body).await;
        assert!(message.contains("annotation"), "{body}: {message}");
    }
}

#[tokio::test]
async fn read_only_properties_are_400() {
    assert_eq!(
        rejected(r#"{"id":"other"}"#).await,
        "Property 'id' is read-only and cannot be set."
    );
    assert_eq!(
        rejected(r#"{"createdDateTime":"2026-01-01T00:00:00Z"}"#).await,
        "Property 'createdDateTime' is read-only and cannot be set."
    );
    // Even when equal to the current value, or null.
    rejected(r#"{"id":"op-1"}"#).await;
    rejected(r#"{"id":null}"#).await;
}

#[tokio::test]
async fn null_for_non_nullable_properties_is_400() {
    for name in [
        "operationType",
        "status",
        "lastActionDateTime",
        "attemptsCount",
    ] {
        let message = rejected(&format!(r#"{{"{name}":null}}"#)).await;
        assert!(
            message.starts_with(&format!(
                "A null value was found for the property named '{name}'"
            )),
            "{message}"
        );
    }
}

#[tokio::test]
async fn attempts_count_must_be_an_int32() {
    for value in ["2147483648", "-2147483649", "1.5", "\"3\"", "true", "1e3"] {
        rejected(&format!(r#"{{"attemptsCount":{value}}}"#)).await;
    }
    assert_eq!(
        accepted(r#"{"attemptsCount":2147483647}"#).await["attemptsCount"],
        2147483647
    );
    assert_eq!(
        accepted(r#"{"attemptsCount":-2147483648}"#).await["attemptsCount"],
        -2147483648
    );
}

#[tokio::test]
async fn enums_and_strings_must_be_json_strings_of_members() {
    for body in [
        r#"{"status":3}"#,
        r#"{"status":"running"}"#,
        r#"{"status":"Succeeded"}"#,
        r#"{"operationType":["createTeam"]}"#,
        r#"{"operationType":"String"}"#,
        r#"{"targetResourceId":5}"#,
        r#"{"targetResourceLocation":{}}"#,
    ] {
        rejected(body).await;
    }
}

#[tokio::test]
async fn dates_must_be_date_time_offset_strings() {
    rejected(r#"{"lastActionDateTime":1700000000}"#).await;
    rejected(r#"{"lastActionDateTime":"yesterday"}"#).await;
    let message = rejected(r#"{"lastActionDateTime":"2017-04-24T22:40:44.5665917"}"#).await;
    assert!(
        message.contains("time zone information is missing"),
        "{message}"
    );
    let stored = accepted(r#"{"lastActionDateTime":"2016-12-31T23:57:34.9044303+03:00"}"#).await;
    assert_eq!(
        stored["lastActionDateTime"],
        "2016-12-31T23:57:34.9044303+03:00"
    );
}

#[tokio::test]
async fn error_must_be_an_operation_error() {
    rejected(r#"{"error":"boom"}"#).await;
    rejected(r#"{"error":{"code":1}}"#).await;
    let message = rejected(r#"{"error":{"details":[]}}"#).await;
    assert!(
        message.contains("does not exist on type 'microsoft.graph.operationError'"),
        "{message}"
    );
    rejected(r##"{"error":{"@odata.type":"#microsoft.graph.publicError","code":"x"}}"##).await;

    for type_name in [
        "#microsoft.graph.operationError",
        "microsoft.graph.operationError",
    ] {
        let stored = accepted(&format!(
            r#"{{"error":{{"@odata.type":"{type_name}","code":"Code value","message":"Message value"}}}}"#
        ))
        .await;
        assert_eq!(
            stored["error"],
            serde_json::json!({"code": "Code value", "message": "Message value"}),
            "the annotation is stripped when storing"
        );
    }
}

#[tokio::test]
async fn dynamic_property_names_must_be_plain() {
    rejected(r#"{"odata.type":"x"}"#).await;
    rejected(r#"{"a:b":1}"#).await;
    rejected(r#"{"":1}"#).await;
    rejected(r##"{"#microsoft.graph.approve":{}}"##).await;
}

#[tokio::test]
async fn seed_example_body_is_accepted_apart_from_its_placeholders() {
    // The API page's example, with real enum members instead of "String".
    let body = r##"{
      "@odata.type": "#microsoft.graph.teamsAsyncOperation",
      "operationType": "cloneTeam",
      "status": "succeeded",
      "lastActionDateTime": "2016-12-31T23:57:34.9044303+03:00",
      "attemptsCount": 13,
      "targetResourceId": "Target Resource Id value",
      "targetResourceLocation": "Target Resource Location value",
      "error": {
        "@odata.type": "microsoft.graph.operationError",
        "code": "Code value",
        "message": "Message value"
      }
    }"##;
    let stored = accepted(body).await;
    assert_eq!(stored["attemptsCount"], 13);
    assert_eq!(stored["operationType"], "cloneTeam");
    // The example's placeholder "String" is not an enum member.
    rejected(&body.replace("\"cloneTeam\"", "\"String\"")).await;
}

#[tokio::test]
async fn hostile_bodies_get_4xx() {
    let deep = format!(
        "{{\"custom\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    rejected(&deep).await;
    let (server, _) = server().await;
    let huge = format!("{{\"custom\":\"{}\"}}", "x".repeat(2 << 20));
    let reply = patch(&server, OPS, &huge).send().await;
    reply.assert_error(413, "RequestEntityTooLarge");
    assert_eq!(get(&server, OPS).send().await.status, 200);
}

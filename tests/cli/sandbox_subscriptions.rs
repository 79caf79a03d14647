//! The sandbox's Subscriptions API and notifications over HTTP, as Bandwidth documents them
//! (Bandwidth/api-docs `site/specs/numbers.yml`, `site/docs/numbers/webhooks.md`,
//! `orderWebhook.md`): per-account subscriptions with Bandwidth's status codes, and
//! `<Notification>` POSTs to a receiver, off the request path, challenge first.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, StatusCode as AxumStatus, header};
use axum::response::IntoResponse;
use lsr::sandbox::DEMO_ACCOUNT_1;
use lsr::wire;
use reqwest::{Method, StatusCode};

use crate::sandbox::{Harness, USER_1, USER_2};

fn subscriptions_url(h: &Harness, account: &str) -> String {
    format!("{}/api/v1/accounts/{account}/subscriptions", h.base)
}

fn subscription_xml(url: &str, order_id: Option<&str>, expiry: u64, password: &str) -> String {
    let order = order_id
        .map(|id| format!("<OrderId>{id}</OrderId>"))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Subscription>
  <OrderType>lsrorders</OrderType>{order}
  <CallbackSubscription>
    <URL>"{url}"</URL>
    <Expiry>{expiry}</Expiry>
    <CallbackCredentials>
      <BasicAuthentication><Username>superuser</Username><Password>{password}</Password></BasicAuthentication>
      <PublicKey>LS0tLS1CRUdJTiBDRVJUSU</PublicKey>
    </CallbackCredentials>
    <NumberFormat>LEGACY</NumberFormat>
  </CallbackSubscription>
</Subscription>"#
    )
}

async fn create(h: &Harness, xml: String) -> String {
    let answer = h
        .send(
            Method::POST,
            &subscriptions_url(h, DEMO_ACCOUNT_1.account_id),
            Some(xml),
            Some(USER_1),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert!(answer.body.is_empty(), "{}", answer.body);
    let location = answer.location.unwrap();
    assert!(
        location.starts_with(&subscriptions_url(h, DEMO_ACCOUNT_1.account_id)),
        "{location}"
    );
    location.rsplit('/').next().unwrap().to_string()
}

async fn listed(
    h: &Harness,
    url: &str,
    user: (&str, &str),
) -> (StatusCode, wire::SubscriptionsResponse) {
    let answer = h.send(Method::GET, url, None, Some(user)).await;
    let body = wire::decode(answer.body.as_bytes()).unwrap_or_default();
    (answer.status, body)
}

#[tokio::test]
async fn sandbox_subscriptions_follow_bandwidths_api_per_account() {
    let h = Harness::start().await;
    let url = subscriptions_url(&h, DEMO_ACCOUNT_1.account_id);
    let id = create(
        &h,
        subscription_xml("http://127.0.0.1:9/bw", None, 12000, "s3cure"),
    )
    .await;

    // Refusals as documented: 409 for the same target, 404 for failed validation, 400 else.
    let again = h
        .send(
            Method::POST,
            &url,
            Some(subscription_xml("http://127.0.0.1:9/bw", None, 12000, "x")),
            Some(USER_1),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert!(
        again.body.contains("<SubscriptionsResponse>"),
        "{}",
        again.body
    );
    for (body, status) in [
        (subscription_xml("ftp://x/y", None, 60, "x"), StatusCode::NOT_FOUND),
        (subscription_xml("http://h/a", None, 0, "x"), StatusCode::NOT_FOUND),
        (
            subscription_xml("http://h/a", Some("no-such-order"), 60, "x"),
            StatusCode::NOT_FOUND,
        ),
        (
            subscription_xml("http://h/a", None, 60, "x").replace("lsrorders", "portins"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "<Subscription><OrderType>lsrorders</OrderType><EmailSubscription><Email>a@b</Email></EmailSubscription></Subscription>".to_string(),
            StatusCode::BAD_REQUEST,
        ),
        ("<Subscription>".to_string(), StatusCode::BAD_REQUEST),
    ] {
        let answer = h.send(Method::POST, &url, Some(body.clone()), Some(USER_1)).await;
        assert_eq!(answer.status, status, "{body}\n{}", answer.body);
    }

    // Listed and read with the seconds left and the user, never the password.
    let (status, list) = listed(&h, &url, USER_1).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.subscriptions.len(), 1);
    let one = &list.subscriptions[0];
    assert_eq!(one.subscription_id.as_deref(), Some(id.as_str()));
    assert_eq!(one.username(), Some("superuser"));
    let callback = one.callback.as_ref().unwrap();
    assert_eq!(callback.url.as_deref(), Some("http://127.0.0.1:9/bw"));
    assert!(
        (11_990..=12_000).contains(&callback.expiry.unwrap()),
        "{callback:?}"
    );
    let raw = h
        .send(Method::GET, &format!("{url}/{id}"), None, Some(USER_1))
        .await;
    assert!(!raw.body.contains("s3cure"), "{}", raw.body);
    assert!(raw.body.contains(&id));

    // Isolation: another account's credentials get 403 on this path, and its own path does not
    // know the id.
    let other = h
        .send(Method::GET, &format!("{url}/{id}"), None, Some(USER_2))
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    let theirs = format!(
        "{}/{id}",
        subscriptions_url(&h, lsr::sandbox::DEMO_ACCOUNT_2.account_id)
    );
    let (status, _) = listed(&h, &theirs, USER_2).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // PUT replaces it; DELETE removes it.
    let put = h
        .send(
            Method::PUT,
            &format!("{url}/{id}"),
            Some(subscription_xml("http://127.0.0.1:9/other", None, 600, "x")),
            Some(USER_1),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let (_, list) = listed(&h, &format!("{url}/{id}"), USER_1).await;
    let callback = list.subscriptions[0].callback.clone().unwrap();
    assert_eq!(callback.url.as_deref(), Some("http://127.0.0.1:9/other"));
    assert!(callback.expiry.unwrap() <= 600);
    let gone = h
        .send(Method::DELETE, &format!("{url}/{id}"), None, Some(USER_1))
        .await;
    assert_eq!(gone.status, StatusCode::OK);
    let again = h
        .send(Method::DELETE, &format!("{url}/{id}"), None, Some(USER_1))
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let (_, list) = listed(&h, &url, USER_1).await;
    assert!(list.subscriptions.is_empty());
}

/// What a test receiver saw: each request's Authorization header and body.
type Seen = Arc<Mutex<Vec<(Option<String>, String)>>>;

/// A receiver on 127.0.0.1:0 that challenges requests without credentials, as
/// webhooks.md says a receiver with Basic authentication must.
async fn receiver() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let record = seen.clone();
    let app = axum::Router::new().fallback(move |headers: HeaderMap, body: String| {
        let record = record.clone();
        async move {
            let auth = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let challenge = auth.is_none();
            record.lock().unwrap().push((auth, body));
            if challenge {
                (
                    AxumStatus::UNAUTHORIZED,
                    [(header::WWW_AUTHENTICATE, "Basic realm=\"test\"")],
                )
                    .into_response()
            } else {
                AxumStatus::OK.into_response()
            }
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/bw", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, seen)
}

/// The notifications a receiver got with credentials, decoded.
fn notifications(seen: &Seen) -> Vec<wire::Notification> {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|(auth, _)| auth.is_some())
        .map(|(_, body)| wire::decode(body.as_bytes()).unwrap())
        .collect()
}

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn sandbox_notifications_reach_subscribers_off_the_request_path() {
    let h = Harness::start().await;
    let (url, seen) = receiver().await;
    let all = create(&h, subscription_xml(&url, None, 86_400, "s3cure")).await;
    // A receiver that never answers must not slow the API down.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = format!("http://{}/bw", silent.local_addr().unwrap());
    create(&h, subscription_xml(&silent_url, None, 86_400, "x")).await;

    let started = Instant::now();
    let id = h.create("NOTIFY-1", &["9192380100"], None).await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // Processing (delay 0) happens at the next request.
    assert_eq!(h.get_order(&id).await.order_status.as_deref(), Some("FOC"));
    wait_for("PENDING and FOC", || notifications(&seen).len() >= 2).await;

    let got = notifications(&seen);
    let statuses: Vec<&str> = got.iter().map(|n| n.status.as_deref().unwrap()).collect();
    assert_eq!(statuses, vec!["PENDING", "FOC"]);
    let foc = &got[1];
    assert_eq!(foc.subscription_id.as_deref(), Some(all.as_str()));
    assert_eq!(foc.order_type.as_deref(), Some("lsrorders"));
    assert_eq!(foc.order_id.as_deref(), Some(id.as_str()));
    assert_eq!(foc.customer_order_id.as_deref(), Some("cust-NOTIFY-1"));
    assert_eq!(foc.message.as_deref(), Some("Port-out date has been set"));
    assert!(foc.modified_at().is_some(), "{foc:?}");
    // Challenge first: each notification was preceded by a request without credentials.
    let requests = seen.lock().unwrap().clone();
    assert!(
        requests[0].0.is_none() && requests[0].1.is_empty(),
        "{requests:?}"
    );
    let expected = format!(
        "Basic {}",
        base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            "superuser:s3cure"
        )
    );
    assert_eq!(requests[1].0.as_deref(), Some(expected.as_str()));
    // The last attempt's outcome is the subscription's Status.
    let list_url = format!("{}/{all}", subscriptions_url(&h, DEMO_ACCOUNT_1.account_id));
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, list) = listed(&h, &list_url, USER_1).await;
        let status = list.subscriptions[0]
            .callback
            .as_ref()
            .unwrap()
            .status
            .clone();
        if status.as_deref() == Some("200 OK") {
            break;
        }
        assert!(Instant::now() < deadline, "{status:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // An order-specific subscription hears of its order only, and no subscription hears of what
    // happens after it expired (on the sandbox clock).
    let other = h.create("NOTIFY-2", &["9192380101"], None).await;
    let (url_2, seen_2) = receiver().await;
    create(&h, subscription_xml(&url_2, Some(&other), 60, "x")).await;
    let (url_3, seen_3) = receiver().await;
    create(&h, subscription_xml(&url_3, None, 60, "x")).await;
    let note = |text: &str| {
        format!(
            "<Note><UserId>{}</UserId><Description>{text}</Description></Note>",
            USER_1.0
        )
    };
    let notes_url =
        |order: &str| format!("{}/{order}/notes", h.orders_url(DEMO_ACCOUNT_1.account_id));
    h.send(
        Method::POST,
        &notes_url(&id),
        Some(note("first order")),
        Some(USER_1),
    )
    .await;
    h.send(
        Method::POST,
        &notes_url(&other),
        Some(note("early")),
        Some(USER_1),
    )
    .await;
    wait_for("the early note", || {
        notifications(&seen_2)
            .iter()
            .any(|n| n.note.as_deref() == Some("early"))
            && notifications(&seen_3)
                .iter()
                .any(|n| n.note.as_deref() == Some("early"))
    })
    .await;
    h.advance("2m").await;
    h.send(
        Method::POST,
        &notes_url(&other),
        Some(note("late")),
        Some(USER_1),
    )
    .await;
    wait_for("the late note to the day-long subscription", || {
        notifications(&seen)
            .iter()
            .any(|n| n.note.as_deref() == Some("late"))
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let to_2 = notifications(&seen_2);
    assert!(
        to_2.iter()
            .all(|n| n.order_id.as_deref() == Some(other.as_str())),
        "{to_2:?}"
    );
    assert!(
        notifications(&seen_3)
            .iter()
            .any(|n| n.note.as_deref() == Some("first order"))
    );
    for expired in [&seen_2, &seen_3] {
        assert!(
            notifications(expired)
                .iter()
                .all(|n| n.note.as_deref() != Some("late")),
            "an expired subscription was notified"
        );
    }
    drop(silent);
}

//! `lsr sandbox`: the porting backend over HTTP, started in-process on 127.0.0.1:0, driven with
//! reqwest as any Bandwidth client would.

use std::time::Duration;

use lsr::sandbox::{DEMO_ACCOUNT_1, DEMO_ACCOUNT_2, RunningSandbox, SandboxConfig, SandboxServer};
use lsr::wire;
use reqwest::StatusCode;

/// Monday 2026-11-30, noon UTC: the sandbox clock of every test.
const START: &str = "2026-11-30T12:00:00Z";

pub struct Harness {
    pub running: Option<RunningSandbox>,
    pub http: reqwest::Client,
    pub dir: tempfile::TempDir,
    pub base: String,
}

pub struct Answer {
    pub status: StatusCode,
    pub location: Option<String>,
    pub content_type: Option<String>,
    pub body: String,
}

impl Harness {
    pub async fn start() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let running = start_server(dir.path()).await;
        let base = running.base_url();
        let harness = Harness {
            running: Some(running),
            http: reqwest::Client::new(),
            dir,
            base,
        };
        harness
            .admin_post("/sandbox/clock/set", &format!(r#"{{"time":"{START}"}}"#))
            .await;
        harness
    }

    pub async fn restart(&mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown().await.unwrap();
        }
        let running = start_server(self.dir.path()).await;
        self.base = running.base_url();
        self.running = Some(running);
    }

    pub fn orders_url(&self, account: &str) -> String {
        format!("{}/api/v1/accounts/{account}/lsrorders", self.base)
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<String>,
        user: Option<(&str, &str)>,
    ) -> Answer {
        let mut request = self
            .http
            .request(method, url)
            .header("Accept", "application/xml");
        if let Some((name, password)) = user {
            request = request.basic_auth(name, Some(password));
        }
        if let Some(body) = body {
            request = request.header("Content-Type", "application/xml").body(body);
        }
        let response = request.send().await.unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let (location, content_type) = (header("location"), header("content-type"));
        let status = response.status();
        Answer {
            status,
            location,
            content_type,
            body: response.text().await.unwrap(),
        }
    }

    pub async fn post_order(&self, xml: String) -> Answer {
        self.send(
            reqwest::Method::POST,
            &self.orders_url(DEMO_ACCOUNT_1.account_id),
            Some(xml),
            Some(USER_1),
        )
        .await
    }

    /// Posts an order that must be accepted; returns its id.
    pub async fn create(&self, pon: &str, tns: &[&str], pin: Option<&str>) -> String {
        let answer = self.post_order(order_xml(pon, tns, pin)).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
        response.lsr_order.unwrap().order_id.unwrap()
    }

    pub async fn get_order(&self, id: &str) -> wire::LsrOrder {
        let answer = self
            .send(
                reqwest::Method::GET,
                &format!("{}/{id}", self.orders_url(DEMO_ACCOUNT_1.account_id)),
                None,
                Some(USER_1),
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        wire::decode(answer.body.as_bytes()).unwrap()
    }

    pub async fn put_order(&self, id: &str, xml: &str) -> Answer {
        self.send(
            reqwest::Method::PUT,
            &format!("{}/{id}", self.orders_url(DEMO_ACCOUNT_1.account_id)),
            Some(xml.to_string()),
            Some(USER_1),
        )
        .await
    }

    pub async fn admin_post(&self, path: &str, json: &str) -> (StatusCode, String) {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("Content-Type", "application/json")
            .body(json.to_string())
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    }

    pub async fn advance(&self, duration: &str) {
        let (status, body) = self
            .admin_post(
                "/sandbox/clock/advance",
                &format!(r#"{{"duration":"{duration}"}}"#),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    pub async fn set_clock(&self, time: &str) {
        let (status, body) = self
            .admin_post("/sandbox/clock/set", &format!(r#"{{"time":"{time}"}}"#))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
}

async fn start_server(dir: &std::path::Path) -> RunningSandbox {
    let mut config = SandboxConfig::new(dir.join("sandbox"));
    // Processing runs at the next request; tests move the sandbox clock for everything else.
    config.processing_delay = Duration::ZERO;
    SandboxServer::start(config).await.unwrap()
}

pub const USER_1: (&str, &str) = (DEMO_ACCOUNT_1.username, DEMO_ACCOUNT_1.password);
pub const USER_2: (&str, &str) = (DEMO_ACCOUNT_2.username, DEMO_ACCOUNT_2.password);

/// A valid order for 2026-12-03 (Thursday) with the given TNs.
pub fn order_xml(pon: &str, tns: &[&str], pin: Option<&str>) -> String {
    let tns: String = tns
        .iter()
        .map(|t| format!("<TelephoneNumber>{t}</TelephoneNumber>"))
        .collect();
    let pin = pin
        .map(|p| format!("<PinNumber>{p}</PinNumber>"))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<LsrOrder>
    <Pon>{pon}</Pon>
    <CustomerOrderId>cust-{pon}</CustomerOrderId>
    <RequestedFocDate>2026-12-03</RequestedFocDate>
    <AuthorizingPerson>Jim Hopkins</AuthorizingPerson>
    <Subscriber>
        <SubscriberType>BUSINESS</SubscriberType>
        <BusinessName>Acme Widgets</BusinessName>
        <ServiceAddress>
            <HouseNumber>11</HouseNumber>
            <StreetName>Park</StreetName>
            <City>Raleigh</City>
            <StateCode>NC</StateCode>
            <Zip>27601</Zip>
        </ServiceAddress>
        <AccountNumber>123463</AccountNumber>
        {pin}
    </Subscriber>
    <ListOfTelephoneNumbers>{tns}</ListOfTelephoneNumbers>
</LsrOrder>"#
    )
}

fn status_of(order: &wire::LsrOrder) -> &str {
    order.order_status.as_deref().unwrap_or("")
}

fn first_error(order: &wire::LsrOrder) -> (u32, String) {
    let errors = order.lsr_order_errors.clone().unwrap_or_default();
    let first = errors.first().cloned().unwrap_or_default();
    (first.code, first.description)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_post_answers_201_with_location_then_reaches_foc() {
    let h = Harness::start().await;
    let answer = h
        .post_order(order_xml("PLAIN-1", &["9192380100"], None))
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(answer.content_type.as_deref(), Some("application/xml"));
    let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
    let created = response.lsr_order.unwrap();
    let id = created.order_id.clone().unwrap();
    assert_eq!(status_of(&created), "PENDING");
    assert_eq!(created.pon_version, Some(1));
    assert_eq!(
        created.account_id.as_deref(),
        Some(DEMO_ACCOUNT_1.account_id)
    );
    assert_eq!(created.spid.as_deref(), Some(DEMO_ACCOUNT_1.spid));
    let location = answer.location.unwrap();
    assert_eq!(
        location,
        format!("{}/{id}", h.orders_url(DEMO_ACCOUNT_1.account_id))
    );

    // The GET answer is a bare <LsrOrder> root with CountOfTNs and LsrOrderErrors.
    let got = h
        .send(reqwest::Method::GET, &location, None, Some(USER_1))
        .await;
    assert!(got.body.contains("<LsrOrder>"), "{}", got.body);
    assert!(
        got.body.contains("<CountOfTNs>1</CountOfTNs>"),
        "{}",
        got.body
    );
    let order: wire::LsrOrder = wire::decode(got.body.as_bytes()).unwrap();
    assert_eq!(status_of(&order), "FOC");
    assert_eq!(order.actual_foc_date.as_deref(), Some("2026-12-03"));
    assert_eq!(order.last_modified_by.as_deref(), Some("System"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_tn_line_table_rules() {
    let h = Harness::start().await;
    // (PON, TNs, PIN, expected status, expected code)
    type Case<'a> = (&'a str, &'a [&'a str], Option<&'a str>, &'a str, u32);
    let cases: [Case; 8] = [
        ("L5", &["9192385123"], None, "FAILED", 17008),
        ("L9", &["9192389001"], None, "CANCELLED", 7516),
        ("L3", &["9192383001"], None, "CANCELLED", 7518),
        ("L1", &["9192381001", "9192380101"], None, "CANCELLED", 7517),
        ("L1ALONE", &["9192381002"], None, "FOC", 0),
        ("L4MISSING", &["9192384321"], None, "EXCEPTION", 7512),
        ("L4WRONG", &["9192384322"], Some("9999"), "EXCEPTION", 7513),
        ("L4RIGHT", &["9192384323"], Some("4323"), "FOC", 0),
    ];
    let mut ids = Vec::new();
    for (pon, tns, pin, _, _) in &cases {
        ids.push(h.create(pon, tns, *pin).await);
    }
    for ((pon, _, _, status, code), id) in cases.iter().zip(&ids) {
        let order = h.get_order(id).await;
        assert_eq!(status_of(&order), *status, "{pon}");
        assert_eq!(first_error(&order).0, *code, "{pon}");
    }
    let other = h.get_order(&ids[0]).await;
    assert_eq!(
        first_error(&other).1,
        "TNs found with a pending FOC Date: TN: [9192385123], PON: [OTHERCO-5123], FOC Date: [12/07/2026]"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_manual_handling_reaches_foc_after_24_hours() {
    let h = Harness::start().await;
    let id = h.create("MANUAL-1", &["9192382001"], None).await;
    let order = h.get_order(&id).await;
    assert_eq!(status_of(&order), "PENDING");
    assert_eq!(first_error(&order).0, 7521);
    h.advance("23h").await;
    assert_eq!(status_of(&h.get_order(&id).await), "PENDING");
    h.advance("2h").await;
    let order = h.get_order(&id).await;
    assert_eq!(status_of(&order), "FOC");
    assert_eq!(order.actual_foc_date.as_deref(), Some("2026-12-03"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_17008_between_two_of_our_orders() {
    let h = Harness::start().await;
    let first = h.create("FIRST-1", &["9192380200"], None).await;
    assert_eq!(status_of(&h.get_order(&first).await), "FOC");
    let second = h.create("SECOND-1", &["9192380200"], None).await;
    let order = h.get_order(&second).await;
    assert_eq!(status_of(&order), "FAILED");
    assert_eq!(
        first_error(&order),
        (
            17008,
            "TNs found with a pending FOC Date: TN: [9192380200], PON: [FIRST-1], FOC Date: [12/03/2026]"
                .to_string()
        )
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_pon_versions_count_and_search_by_pon_finds_all() {
    let h = Harness::start().await;
    let mut versions = Vec::new();
    for line in ["0301", "0302", "0303"] {
        let answer = h
            .post_order(order_xml("REUSED-1", &[&format!("919238{line}")], None))
            .await;
        assert_eq!(answer.status, StatusCode::CREATED);
        let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
        versions.push(response.lsr_order.unwrap().pon_version.unwrap());
    }
    assert_eq!(versions, vec![1, 2, 3]);
    h.create("OTHER-1", &["9192380304"], None).await;
    let answer = h
        .send(
            reqwest::Method::GET,
            &format!("{}?pon=REUSED-1", h.orders_url(DEMO_ACCOUNT_1.account_id)),
            None,
            Some(USER_1),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let list: wire::LsrOrders = wire::decode(answer.body.as_bytes()).unwrap();
    assert_eq!(list.total_count, Some(3));
    let mut got: Vec<u32> = list
        .summaries
        .iter()
        .filter_map(|s| s.pon_version)
        .collect();
    got.sort();
    assert_eq!(got, vec![1, 2, 3]);

    // Repeated status filters and a TN filter.
    let url = format!(
        "{}?status=FOC&status=FAILED&tn=9192380304",
        h.orders_url(DEMO_ACCOUNT_1.account_id)
    );
    let answer = h.send(reqwest::Method::GET, &url, None, Some(USER_1)).await;
    let list: wire::LsrOrders = wire::decode(answer.body.as_bytes()).unwrap();
    assert_eq!(list.total_count, Some(1));
    assert_eq!(list.summaries[0].pon.as_deref(), Some("OTHER-1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_supp_with_the_right_pin_moves_an_exception_on() {
    let h = Harness::start().await;
    let id = h.create("PIN-1", &["9192384444"], Some("0000")).await;
    assert_eq!(status_of(&h.get_order(&id).await), "EXCEPTION");
    let supp = "<LsrOrder><Subscriber><PinNumber>4444</PinNumber></Subscriber></LsrOrder>";
    let answer = h.put_order(&id, supp).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let order = h.get_order(&id).await;
    assert_eq!(status_of(&order), "FOC");
    assert_eq!(
        order.subscriber.unwrap().business_name.as_deref(),
        Some("Acme Widgets")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_supp_and_cancel_are_refused_on_failed_orders() {
    let h = Harness::start().await;
    let id = h.create("DEAD-1", &["9192385001"], None).await;
    assert_eq!(status_of(&h.get_order(&id).await), "FAILED");
    let supp = "<LsrOrder><RequestedFocDate>2026-12-04</RequestedFocDate></LsrOrder>";
    let cancel =
        "<LsrOrder><OrderStatus>CANCELLED</OrderStatus><ListOfTelephoneNumbers/></LsrOrder>";
    for body in [supp, cancel] {
        let answer = h.put_order(&id, body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
        let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
        let errors = response.lsr_order_errors.unwrap();
        assert_eq!(errors[0].code, 17015);
        // Bandwidth's text (issue 12); why FAILED is final (R3) is lsr's to explain.
        assert_eq!(
            errors[0].description, "Lsr order is in unmodifiable state.",
            "{}",
            errors[0].description
        );
    }
    assert_eq!(status_of(&h.get_order(&id).await), "FAILED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_supp_refuses_tn_and_pon_changes() {
    let h = Harness::start().await;
    let id = h.create("FIXED-1", &["9192380400"], None).await;
    let tn_change = "<LsrOrder><ListOfTelephoneNumbers><TelephoneNumber>9192380401</TelephoneNumber></ListOfTelephoneNumbers></LsrOrder>";
    let answer = h.put_order(&id, tn_change).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
    let error = &response.lsr_order_errors.unwrap()[0];
    assert_eq!(
        (error.code, error.description.as_str()),
        (17025, "ListOfTelephoneNumbers field cannot be modified.")
    );
    let both = "<LsrOrder><Pon>NEW-1</Pon><ListOfTelephoneNumbers><TelephoneNumber>9192380401</TelephoneNumber></ListOfTelephoneNumbers></LsrOrder>";
    let answer = h.put_order(&id, both).await;
    assert!(
        answer
            .body
            .contains("Pon, ListOfTelephoneNumbers fields cannot be modified")
    );

    let wrong_status = "<LsrOrder><OrderStatus>COMPLETE</OrderStatus></LsrOrder>";
    let answer = h.put_order(&id, wrong_status).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer
            .body
            .contains("OrderStatus cannot be changed to COMPLETE. Only cancelled value allowed."),
        "{}",
        answer.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_supp_with_new_date_reconfirms_foc_and_cancel_works() {
    let h = Harness::start().await;
    let id = h.create("MOVE-1", &["9192380500"], None).await;
    assert_eq!(status_of(&h.get_order(&id).await).to_string(), "FOC");
    let supp = "<LsrOrder><RequestedFocDate>2026-12-08</RequestedFocDate></LsrOrder>";
    let answer = h.put_order(&id, supp).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
    let order = response.lsr_order.unwrap();
    assert_eq!(order.actual_foc_date.as_deref(), Some("2026-12-08"));
    assert_eq!(order.lsr_order_errors, Some(vec![]));

    let cancel =
        "<LsrOrder><OrderStatus>CANCELLED</OrderStatus><ListOfTelephoneNumbers/></LsrOrder>";
    let answer = h.put_order(&id, cancel).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(status_of(&h.get_order(&id).await), "CANCELLED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_foc_window_expiry_fails_the_order() {
    let h = Harness::start().await;
    let id = h.create("EXPIRE-1", &["9192380600"], None).await;
    assert_eq!(status_of(&h.get_order(&id).await), "FOC");
    // FOC 2026-12-03: the tenth business day is 2026-12-16.
    h.set_clock("2026-12-16T23:00:00Z").await;
    assert_eq!(status_of(&h.get_order(&id).await), "FOC");
    h.set_clock("2026-12-17T00:30:00Z").await;
    let order = h.get_order(&id).await;
    assert_eq!(status_of(&order), "FAILED");
    assert_eq!(first_error(&order).0, 17036);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_npac_medium_timers_concur_after_6_hours_and_activation_completes() {
    let h = Harness::start().await;
    let id = h.create("NPAC-1", &["9192380700"], None).await;
    assert_eq!(status_of(&h.get_order(&id).await), "FOC");
    let order_json = format!(r#"{{"order":"{id}","medium_timers":true}}"#);
    let (status, body) = h.admin_post("/sandbox/npac/subscribe", &order_json).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    h.advance("5h").await;
    let activate = format!(r#"{{"order":"{id}"}}"#);
    let (status, body) = h.admin_post("/sandbox/npac/activate", &activate).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("no concurrence yet"), "{body}");
    h.advance("1h1m").await;
    // Concurred, but the FOC date (2026-12-03) has not come yet.
    let (status, body) = h.admin_post("/sandbox/npac/activate", &activate).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("before its FOC date"), "{body}");
    h.set_clock("2026-12-03T15:00:00Z").await;
    let (status, body) = h.admin_post("/sandbox/npac/activate", &activate).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(status_of(&h.get_order(&id).await), "COMPLETE");
    let history = h
        .send(
            reqwest::Method::GET,
            &format!("{}/{id}/history", h.orders_url(DEMO_ACCOUNT_1.account_id)),
            None,
            Some(USER_1),
        )
        .await;
    assert!(
        history
            .body
            .contains("NPAC concurrence received (medium timers)")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_auth_401_403_and_oauth_tokens() {
    let h = Harness::start().await;
    let url = h.orders_url(DEMO_ACCOUNT_1.account_id);
    let none = h.send(reqwest::Method::GET, &url, None, None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    let bad = h
        .send(reqwest::Method::GET, &url, None, Some((USER_1.0, "wrong")))
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(!bad.body.contains("wrong"));
    let other = h.send(reqwest::Method::GET, &url, None, Some(USER_2)).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);

    // Account 2 cannot see account 1's order through its own path either.
    let id = h.create("ISO-1", &["9192380800"], None).await;
    let theirs = h
        .send(
            reqwest::Method::GET,
            &format!("{}/{id}", h.orders_url(DEMO_ACCOUNT_2.account_id)),
            None,
            Some(USER_2),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    // A GET of an unknown order is Bandwidth's 17014 (issue 12); a PUT's stays 5035.
    assert!(
        theirs.body.contains("<ErrorCode>17014</ErrorCode>"),
        "{}",
        theirs.body
    );
    assert!(
        theirs.body.contains(&format!("Lsr {id} not found.")),
        "{}",
        theirs.body
    );

    let token = h
        .http
        .post(format!("{}/api/v1/oauth2/token", h.base))
        .basic_auth(DEMO_ACCOUNT_1.client_id, Some(DEMO_ACCOUNT_1.client_secret))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("grant_type=client_credentials")
        .send()
        .await
        .unwrap();
    assert_eq!(token.status(), StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&token.text().await.unwrap()).unwrap();
    assert_eq!(json["token_type"], "Bearer");
    assert!(json["expires_in"].as_i64().unwrap() > 0);
    let access = json["access_token"].as_str().unwrap().to_string();
    let listed = h
        .http
        .get(format!(
            "{}/v1.0/accounts/{}/lsrorders",
            h.base, DEMO_ACCOUNT_1.account_id
        ))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.status(), StatusCode::OK);
    let forged = h
        .http
        .get(&url)
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
    let wrong_secret = h
        .http
        .post(format!("{}/api/v1/oauth2/token", h.base))
        .basic_auth(DEMO_ACCOUNT_1.client_id, Some("nope"))
        .body("grant_type=client_credentials")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_secret.status(), StatusCode::UNAUTHORIZED);
}

/// A caller admitted a moment ago skips the store's check before its body is read (the
/// server remembers it for a second), but the check inside the work that uses the body still
/// decides: a token a reset revoked is refused at once, and an admission on one account's path
/// is none on another's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_a_body_s_caller_is_authorized_by_the_store_even_just_after_being_admitted() {
    let h = Harness::start().await;
    let url = h.orders_url(DEMO_ACCOUNT_1.account_id);
    let token = h
        .http
        .post(format!("{}/api/v1/oauth2/token", h.base))
        .basic_auth(DEMO_ACCOUNT_1.client_id, Some(DEMO_ACCOUNT_1.client_secret))
        .body("grant_type=client_credentials")
        .send()
        .await
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&token.text().await.unwrap()).unwrap();
    let access = json["access_token"].as_str().unwrap().to_string();
    let post = |pon: &str, tn: &str| {
        h.http
            .post(&url)
            .bearer_auth(&access)
            .header("Content-Type", "application/xml")
            .body(order_xml(pon, &[tn], None))
            .send()
    };
    let first = post("ADMIT-1", "9192380801").await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let location = first
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_string();
    // A reset logs everyone out (a new signing key); the token was admitted just now.
    let (status, body) = h.admin_post("/sandbox/reset", "{}").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let again = post("ADMIT-2", "9192380802").await.unwrap();
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    let supp = h
        .http
        .put(&location)
        .bearer_auth(&access)
        .header("Content-Type", "application/xml")
        .body("<LsrOrder><OrderStatus>CANCELLED</OrderStatus></LsrOrder>")
        .send()
        .await
        .unwrap();
    assert_eq!(supp.status(), StatusCode::UNAUTHORIZED);
    // Nothing was created after the reset.
    let listed = h.send(reqwest::Method::GET, &url, None, Some(USER_1)).await;
    assert!(!listed.body.contains("ADMIT-2"), "{}", listed.body);

    // Account 2's user, admitted on its own path, is still forbidden on account 1's.
    let own = h
        .send(
            reqwest::Method::POST,
            &h.orders_url(DEMO_ACCOUNT_2.account_id),
            Some(order_xml("ADMIT-3", &["9192380803"], None)),
            Some(USER_2),
        )
        .await;
    assert_eq!(own.status, StatusCode::CREATED, "{}", own.body);
    let theirs = h
        .send(
            reqwest::Method::POST,
            &url,
            Some(order_xml("ADMIT-4", &["9192380804"], None)),
            Some(USER_2),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN, "{}", theirs.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_bad_bodies_get_a_clear_4xx() {
    let h = Harness::start().await;
    let bad_xml = h
        .post_order("<LsrOrder><Pon>X</LsrOrder>".to_string())
        .await;
    assert_eq!(bad_xml.status, StatusCode::BAD_REQUEST, "{}", bad_xml.body);
    let empty = h.post_order(String::new()).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST, "{}", empty.body);
    let unknown = h
        .post_order(
            order_xml("UNK-1", &["9192380900"], None).replace("<Pon>", "<Ponn>x</Ponn><Pon>"),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "{}", unknown.body);
    assert!(unknown.body.contains("Ponn"), "{}", unknown.body);
    let huge = format!(
        "<LsrOrder><Pon>{}</Pon></LsrOrder>",
        "A".repeat(10 * 1024 * 1024)
    );
    let too_large = h.post_order(huge).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);

    // Validation failures: 400 with the errors and the echoed order, FAILED, without OrderId.
    let invalid = h
        .post_order(
            order_xml("BAD PON!", &["9192380901"], None)
                .replace("<AuthorizingPerson>Jim Hopkins</AuthorizingPerson>", ""),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::BAD_REQUEST);
    let response: wire::LsrOrderResponse = wire::decode(invalid.body.as_bytes()).unwrap();
    assert_eq!(
        response.response_status.unwrap().description,
        "Lsr order doesn't pass validation. Please check your input parameters."
    );
    let codes: Vec<u32> = response
        .lsr_order_errors
        .unwrap()
        .iter()
        .map(|e| e.code)
        .collect();
    assert!(
        codes.contains(&17004) && codes.contains(&17023),
        "{codes:?}"
    );
    let echo = response.lsr_order.unwrap();
    assert_eq!(echo.order_status.as_deref(), Some("FAILED"));
    assert_eq!(echo.order_id, None);
    // Nothing was stored.
    let list = h
        .send(
            reqwest::Method::GET,
            &h.orders_url(DEMO_ACCOUNT_1.account_id),
            None,
            Some(USER_1),
        )
        .await;
    assert!(
        list.body.contains("<TotalCount>0</TotalCount>"),
        "{}",
        list.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_notes_and_history_follow_the_reference() {
    let h = Harness::start().await;
    let id = h.create("NOTES-1", &["9192381000"], None).await;
    let notes_url = format!("{}/{id}/notes", h.orders_url(DEMO_ACCOUNT_1.account_id));
    let empty = h
        .send(reqwest::Method::GET, &notes_url, None, Some(USER_1))
        .await;
    assert_eq!(empty.status, StatusCode::NO_CONTENT);
    let note = format!(
        "<Note><UserId>{}</UserId><Description>called the end user</Description></Note>",
        USER_1.0
    );
    let created = h
        .send(
            reqwest::Method::POST,
            &notes_url,
            Some(note.clone()),
            Some(USER_1),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert!(created.body.is_empty());
    let location = created.location.unwrap();
    assert!(location.starts_with(&format!("{notes_url}/")), "{location}");
    let impostor = "<Note><UserId>someone-else</UserId><Description>x</Description></Note>";
    let refused = h
        .send(
            reqwest::Method::POST,
            &notes_url,
            Some(impostor.to_string()),
            Some(USER_1),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("<NoteResponse>") && refused.body.contains("12501"));
    let updated = h
        .send(
            reqwest::Method::PUT,
            &location,
            Some(note.replace("called", "emailed")),
            Some(USER_1),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK);
    let listed = h
        .send(reqwest::Method::GET, &notes_url, None, Some(USER_1))
        .await;
    let notes: wire::Notes = wire::decode(listed.body.as_bytes()).unwrap();
    assert_eq!(notes.notes.len(), 1);
    assert_eq!(
        notes.notes[0].description.as_deref(),
        Some("emailed the end user")
    );

    let history_url = format!("{}/{id}/history", h.orders_url(DEMO_ACCOUNT_1.account_id));
    let history = h
        .send(reqwest::Method::GET, &history_url, None, Some(USER_1))
        .await;
    let wrapper: wire::OrderHistoryWrapper = wire::decode(history.body.as_bytes()).unwrap();
    let notes: Vec<_> = wrapper
        .entries
        .iter()
        .filter_map(|e| e.note.clone())
        .collect();
    assert_eq!(
        notes,
        vec![
            "LSR has been received by the system and is being processed".to_string(),
            "Port-out date has been set".to_string()
        ]
    );
    assert_eq!(
        wrapper.entries[1].difference.as_deref(),
        Some("ActualFocDate : \"\" --> 2026-12-03")
    );
    let missing = h
        .send(
            reqwest::Method::GET,
            &format!("{}/nope/history", h.orders_url(DEMO_ACCOUNT_1.account_id)),
            None,
            Some(USER_1),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("<LsrOrderReportResponse>"));
    assert!(missing.body.contains("The resource does not exist"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_state_survives_a_restart() {
    let mut h = Harness::start().await;
    let id = h.create("KEEP-1", &["9192380110"], None).await;
    assert_eq!(status_of(&h.get_order(&id).await), "FOC");
    h.restart().await;
    let order = h.get_order(&id).await;
    assert_eq!(status_of(&order), "FOC");
    assert_eq!(order.pon.as_deref(), Some("KEEP-1"));
    // The clock offset is part of the state too.
    let clock = h
        .http
        .get(format!("{}/sandbox/clock", h.base))
        .send()
        .await
        .unwrap();
    let clock: serde_json::Value = serde_json::from_str(&clock.text().await.unwrap()).unwrap();
    assert_eq!(clock["today"], "2026-11-30");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_drop_after_commit_closes_the_connection_but_keeps_the_order() {
    let h = Harness::start().await;
    let set = h
        .http
        .put(format!("{}/sandbox/faults", h.base))
        .header("Content-Type", "application/json")
        .body(r#"{"drop_after_commit": 1.0}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::OK);
    let result = h
        .http
        .post(h.orders_url(DEMO_ACCOUNT_1.account_id))
        .basic_auth(USER_1.0, Some(USER_1.1))
        .body(order_xml("DROP-1", &["9192380120"], None))
        .send()
        .await;
    assert!(
        result.is_err(),
        "expected a closed connection, got {result:?}"
    );
    let cleared = h
        .http
        .delete(format!("{}/sandbox/faults", h.base))
        .header("Content-Type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(cleared.status(), StatusCode::OK);
    let url = format!(
        "{}?customerOrderId=cust-DROP-1",
        h.orders_url(DEMO_ACCOUNT_1.account_id)
    );
    let list = h.send(reqwest::Method::GET, &url, None, Some(USER_1)).await;
    let list: wire::LsrOrders = wire::decode(list.body.as_bytes()).unwrap();
    assert_eq!(list.total_count, Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_error_rate_answers_503() {
    let h = Harness::start().await;
    let set = h
        .http
        .put(format!("{}/sandbox/faults", h.base))
        .header("Content-Type", "application/json")
        .body(r#"{"error_rate": 1.0}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::OK);
    let answer = h
        .send(
            reqwest::Method::GET,
            &h.orders_url(DEMO_ACCOUNT_1.account_id),
            None,
            Some(USER_1),
        )
        .await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[test]
fn sandbox_embedded_mode_serves_the_demo_account() {
    let dir = tempfile::tempdir().unwrap();
    let embedded = lsr::sandbox::embedded::start(dir.path()).unwrap();
    assert!(embedded.base_url().starts_with("http://127.0.0.1:"));
    assert_eq!(embedded.account_id(), DEMO_ACCOUNT_1.account_id);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let url = format!(
        "{}/accounts/{}/lsrorders",
        embedded.api_base_url(),
        embedded.account_id()
    );
    let account = embedded.demo_account();
    let status = runtime.block_on(async {
        reqwest::Client::new()
            .get(url)
            .basic_auth(account.username, Some(account.password))
            .send()
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, StatusCode::OK);
    embedded.shutdown().unwrap();
    assert!(dir.path().join("sandbox").join("sandbox.sqlite3").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_processing_delay_runs_on_the_sandbox_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = SandboxConfig::new(dir.path().join("sandbox"));
    config.processing_delay = Duration::from_secs(600);
    let running = SandboxServer::start(config).await.unwrap();
    let h = Harness {
        base: running.base_url(),
        running: Some(running),
        http: reqwest::Client::new(),
        dir,
    };
    h.set_clock(START).await;
    let id = h.create("SLOW-1", &["9192380160"], None).await;
    h.advance("9m").await;
    assert_eq!(status_of(&h.get_order(&id).await), "PENDING");
    h.advance("2m").await;
    assert_eq!(status_of(&h.get_order(&id).await), "FOC");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_pon_versions_are_counted_per_account() {
    let h = Harness::start().await;
    h.create("SHARED-1", &["9192380170"], None).await;
    h.create("SHARED-1", &["9192380171"], None).await;
    let answer = h
        .send(
            reqwest::Method::POST,
            &h.orders_url(DEMO_ACCOUNT_2.account_id),
            Some(order_xml("SHARED-1", &["9192380172"], None)),
            Some(USER_2),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
    let order = response.lsr_order.unwrap();
    assert_eq!(order.pon_version, Some(1));
    assert_eq!(order.account_id.as_deref(), Some(DEMO_ACCOUNT_2.account_id));
    // Account 2's search does not see account 1's versions.
    let list = h
        .send(
            reqwest::Method::GET,
            &format!("{}?pon=SHARED-1", h.orders_url(DEMO_ACCOUNT_2.account_id)),
            None,
            Some(USER_2),
        )
        .await;
    let list: wire::LsrOrders = wire::decode(list.body.as_bytes()).unwrap();
    assert_eq!(list.total_count, Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_supp_after_the_requested_date_checks_only_what_it_sends() {
    let h = Harness::start().await;
    let id = h.create("LATE-1", &["9192380180"], None).await;
    assert_eq!(status_of(&h.get_order(&id).await), "FOC");
    // 2026-12-04: the requested date (12-03) is past, the window is still open.
    h.set_clock("2026-12-04T10:00:00Z").await;
    let address = "<LsrOrder><Subscriber><ServiceAddress><HouseNumber>12</HouseNumber></ServiceAddress></Subscriber></LsrOrder>";
    let answer = h.put_order(&id, address).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let past = "<LsrOrder><RequestedFocDate>2026-12-02</RequestedFocDate></LsrOrder>";
    let answer = h.put_order(&id, past).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.body.contains("<Code>7208</Code>"), "{}", answer.body);
}

/// Bandwidth's published example bodies, unchanged, are accepted as any client would send them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_accepts_bandwidths_example_request_bodies() {
    let h = Harness::start().await;
    // The example asks for 2015-11-15 (a Sunday): put the clock just before it.
    h.set_clock("2015-11-10T12:00:00Z").await;
    let post = include_str!("../fixtures/wire/post-lsrorders-request-example.xml");
    let answer = h.post_order(post.to_string()).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert!(
        answer.body.contains("<Code>17019</Code>"),
        "{}",
        answer.body
    );
    // The example's SPID 123C is not demo account 1's: Bandwidth's 17020 (its PUT example).
    assert!(
        answer.body.contains("<Code>17020</Code>"),
        "{}",
        answer.body
    );
    let post = post.replace(
        "<SPID>123C</SPID>",
        &format!("<SPID>{}</SPID>", DEMO_ACCOUNT_1.spid),
    );
    let monday = post.replace("2015-11-15", "2015-11-16");
    let answer = h.post_order(monday).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
    let id = response.lsr_order.unwrap().order_id.unwrap();
    // Two TNs on lines 1467/1468: a one-TN-per-request reseller (R5).
    let order = h.get_order(&id).await;
    assert_eq!(
        (status_of(&order), first_error(&order).0),
        ("CANCELLED", 7517)
    );

    let supp = include_str!("../fixtures/wire/put-lsrorders-id-request-simple-response.xml")
        .replace(
            "<SPID>123C</SPID>",
            &format!("<SPID>{}</SPID>", DEMO_ACCOUNT_1.spid),
        );
    let supp = supp.as_str();
    let answer = h.put_order(&id, supp).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    // Bandwidth's 17015 text (issue 12): lsr explains that CANCELLED is final.
    assert!(
        answer.body.contains("Lsr order is in unmodifiable state."),
        "{}",
        answer.body
    );

    let single = include_str!("../fixtures/wire/post-lsrorders-request-example.xml")
        .replace(
            "<SPID>123C</SPID>",
            &format!("<SPID>{}</SPID>", DEMO_ACCOUNT_1.spid),
        )
        .replace("2015-11-15", "2015-11-16")
        .replace("<TelephoneNumber>9192381467</TelephoneNumber>", "");
    let answer = h.post_order(single).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
    let id = response.lsr_order.unwrap().order_id.unwrap();
    assert_eq!(status_of(&h.get_order(&id).await), "FOC");
    // The supp example asks for the same Sunday: refused (17019), then accepted for Tuesday.
    let answer = h.put_order(&id, supp).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert!(
        answer.body.contains("<Code>17019</Code>"),
        "{}",
        answer.body
    );
    let answer = h
        .put_order(&id, &supp.replace("2015-11-15", "2015-11-17"))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
    assert_eq!(
        response.lsr_order.unwrap().actual_foc_date.as_deref(),
        Some("2015-11-17")
    );
    let cancel =
        include_str!("../fixtures/wire/put-lsrorders-id-request-canceled-state-response.xml");
    let answer = h.put_order(&id, cancel).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(status_of(&h.get_order(&id).await), "CANCELLED");

    let note = include_str!("../fixtures/wire/post-lsrorders-id-notes-request-example.xml");
    let answer = h
        .send(
            reqwest::Method::POST,
            &format!("{}/{id}/notes", h.orders_url(DEMO_ACCOUNT_1.account_id)),
            Some(note.to_string()),
            Some(USER_1),
        )
        .await;
    // The example's UserId is `userId`, not the authenticated user.
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.body.contains("<ErrorCode>12501</ErrorCode>"),
        "{}",
        answer.body
    );
}

#[test]
fn sandbox_embedded_start_on_pins_a_fresh_clock_only() {
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let clock_today = |base: &str| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let body = reqwest::get(format!("{base}/sandbox/clock"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            serde_json::from_str::<serde_json::Value>(&body).unwrap()["today"].clone()
        })
    };
    let first = lsr::sandbox::embedded::start_on(dir.path(), today).unwrap();
    assert_eq!(clock_today(first.base_url()), "2026-11-30");
    first.shutdown().unwrap();
    // A later run keeps the store's clock instead of pinning it again.
    let later = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    let second = lsr::sandbox::embedded::start_on(dir.path(), later).unwrap();
    assert_eq!(clock_today(second.base_url()), "2026-11-30");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_concurrent_posts_with_one_pon_get_distinct_versions() {
    let h = std::sync::Arc::new(Harness::start().await);
    let mut tasks = Vec::new();
    for i in 0..20 {
        let h = h.clone();
        tasks.push(tokio::spawn(async move {
            let answer = h
                .post_order(order_xml("RACE-1", &[&format!("91923806{i:02}")], None))
                .await;
            assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
            let response: wire::LsrOrderResponse = wire::decode(answer.body.as_bytes()).unwrap();
            response.lsr_order.unwrap().pon_version.unwrap()
        }));
    }
    let mut versions = Vec::new();
    for task in tasks {
        versions.push(task.await.unwrap());
    }
    versions.sort();
    assert_eq!(versions, (1..=20).collect::<Vec<u32>>());
}

/// Issue 12: `/api/v2` serves the same orders with every TN in E.164, both ways; a 10-digit TN
/// there is a 400, as Bandwidth's v2 documents.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_v2_routes_speak_e164_both_ways() {
    let h = Harness::start().await;
    let v2 = h
        .orders_url(DEMO_ACCOUNT_1.account_id)
        .replace("/api/v1/", "/api/v2/");
    let digits = order_xml("V2-1", &["9192380100"], None);
    let refused = h
        .send(
            reqwest::Method::POST,
            &v2,
            Some(digits.clone()),
            Some(USER_1),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.body.contains("E.164") && refused.body.contains("9192380100"));
    let e164 = digits.replace(
        "<TelephoneNumber>9192380100<",
        "<TelephoneNumber>+19192380100<",
    );
    let created = h
        .send(reqwest::Method::POST, &v2, Some(e164), Some(USER_1))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert!(
        created
            .body
            .contains("<TelephoneNumber>+19192380100</TelephoneNumber>")
    );
    assert!(created.location.unwrap().contains("/api/v2/accounts/"));
    let response: wire::LsrOrderResponse = wire::decode(created.body.as_bytes()).unwrap();
    let id = response.lsr_order.unwrap().order_id.unwrap();
    // The same order through v1: 10 digits.
    let v1 = h.get_order(&id).await;
    assert_eq!(
        v1.list_of_telephone_numbers.unwrap(),
        vec!["9192380100".to_string()]
    );
    let found = h
        .send(
            reqwest::Method::GET,
            &format!("{v2}?tn=%2B19192380100"),
            None,
            Some(USER_1),
        )
        .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert!(found.body.contains(&id), "{}", found.body);
    let ten = h
        .send(
            reqwest::Method::GET,
            &format!("{v2}?tn=9192380100"),
            None,
            Some(USER_1),
        )
        .await;
    assert_eq!(ten.status, StatusCode::NOT_FOUND, "{}", ten.body);
}

/// Issue 12: element names are Bandwidth's exactly; another case is a 400 naming the element,
/// never a dropped field. No payload is 17000.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_refuses_wrong_case_elements_and_empty_payloads() {
    let h = Harness::start().await;
    let ruby = order_xml("CASE-1", &["9192380100"], None)
        .replace("<Pon>CASE-1</Pon>", "<pon>CASE-1</pon>");
    let answer = h.post_order(ruby).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert!(answer.body.contains("LsrOrder/pon"), "{}", answer.body);
    let empty = h.post_order(String::new()).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST, "{}", empty.body);
    assert!(empty.body.contains("<Code>17000</Code>"), "{}", empty.body);
    assert!(
        empty
            .body
            .contains("Lsr submission order payload required."),
        "{}",
        empty.body
    );
}

/// Issue 12 (R4): a manual-handling order does not get a FOC 24 hours later while another
/// order already holds one for the same TN; its 17008 names the TN.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_manual_handling_checks_pending_focs_too() {
    let h = Harness::start().await;
    // The manual-handling order first (line 2xxx), then a plain order for the same TN: the
    // second is processed after the first, which has no FOC yet, so it gets the FOC.
    let manual = h.create("MAN-1", &["9192382001"], None).await;
    assert_eq!(status_of(&h.get_order(&manual).await), "PENDING");
    let (added, body) = h
        .admin_post(
            "/sandbox/inventory",
            r#"{"tn":"9192382001","behaviour":"foc"}"#,
        )
        .await;
    assert_eq!(added, StatusCode::OK, "{body}");
    let plain = h.create("MAN-2", &["9192382001"], None).await;
    assert_eq!(status_of(&h.get_order(&plain).await), "FOC");
    h.advance("25h").await;
    let order = h.get_order(&manual).await;
    assert_eq!(status_of(&order), "FAILED");
    let (code, text) = first_error(&order);
    assert_eq!(code, 17008);
    assert!(text.contains("TN: [9192382001], PON: [MAN-2]"), "{text}");
}

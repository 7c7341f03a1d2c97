//! The web application at the HTTP level: every route, the security rules
//! included, sent to the router in process (no network), on a copy of the
//! bundled example.

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use opleidingsplan::serve::{App, Options, router};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:7777";
const ORIGIN: &str = "http://127.0.0.1:7777";

struct Served {
    _dir: tempfile::TempDir,
    plan: PathBuf,
    out: PathBuf,
    router: Router,
    token: String,
}

/// The example in `<tmp>/plan`, the archive in `<tmp>/output`.
fn served() -> Served {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    let example = common::example_with(|p| p.to_string());
    std::fs::create_dir(&plan).unwrap();
    for name in ["plan.toml", "gegevens.xlsx"] {
        std::fs::copy(example.path().join(name), plan.join(name)).unwrap();
    }
    let out = dir.path().join("output");
    let app = App::new(Options::local(plan.clone(), out.clone()), HOST.parse().unwrap()).unwrap();
    let token = app.token().to_string();
    Served { _dir: dir, plan, out, router: router(Arc::new(app)), token }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.text()))
    }
}

impl Served {
    async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
        Answer { status, headers, body }
    }

    async fn get(&self, path: &str) -> Answer {
        self.send(Request::get(path).header(header::HOST, HOST).body(Body::empty()).unwrap()).await
    }

    /// A form posted as our pages post it: same origin, the token inside.
    async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let mut pairs: Vec<(&str, &str)> = vec![("_csrf", &self.token)];
        pairs.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&pairs).unwrap();
        let request = Request::post(path)
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// A file sent as the drop zone's script sends it.
    async fn upload(&self, name: &str, bytes: &[u8]) -> Answer {
        let boundary = "XyZzY";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"workbook\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::post("/plan/_/workbook")
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header("x-csrf-token", &self.token)
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    fn plan_toml(&self) -> String {
        std::fs::read_to_string(self.plan.join("plan.toml")).unwrap()
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    common::squeeze(&pdf_extract::extract_text_from_mem(bytes).unwrap())
}

#[tokio::test]
async fn the_list_shows_the_plan_its_state_and_no_personal_data() {
    let s = served();
    let page = s.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("href=\"/plan/_\">Voorbeeld NV</a> 2027"), "{html}");
    assert!(html.contains("klaar om op te maken"), "the example has no errors: {html}");
    assert!(html.contains("nog niet opgemaakt"));
    assert!(html.contains("data-privacy=\"none\""));
}

#[tokio::test]
async fn requests_for_another_host_name_are_refused() {
    let s = served();
    // DNS rebinding: a page of evil.example whose name now points here.
    for host in ["evil.example:7777", "127.0.0.1:8888", "localhost"] {
        let request = Request::get("/").header(header::HOST, host).body(Body::empty()).unwrap();
        assert_eq!(s.send(request).await.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
    }
    let request = Request::get("/").body(Body::empty()).unwrap();
    assert_eq!(s.send(request).await.status, StatusCode::MISDIRECTED_REQUEST, "no Host at all");
    let request = Request::get("/").header(header::HOST, "localhost:7777").body(Body::empty()).unwrap();
    assert_eq!(s.send(request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn changes_need_our_origin_and_token() {
    let s = served();
    let before = s.plan_toml();
    let post = |origin: Option<&str>, token: Option<&str>| {
        let mut pairs = vec![("mission", "Overgenomen")];
        if let Some(token) = token {
            pairs.push(("_csrf", token));
        }
        let mut request = Request::post("/plan/_/edit/strategy")
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        request.body(Body::from(serde_urlencoded::to_string(&pairs).unwrap())).unwrap()
    };
    let token = s.token.clone();
    for (origin, token) in [
        (None, Some(token.as_str())),
        (Some("http://evil.example"), Some(token.as_str())),
        (Some(ORIGIN), None),
        (Some(ORIGIN), Some("0000")),
    ] {
        let answer = s.send(post(origin, token)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{origin:?} {token:?}");
    }
    // A multipart body cannot carry the token past the guard: only the header does.
    let request = Request::post("/plan/_/workbook")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .body(Body::from("--x--\r\n"))
        .unwrap();
    assert_eq!(s.send(request).await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.plan_toml(), before, "nothing refused was written");
}

#[tokio::test]
async fn every_answer_carries_the_safety_headers() {
    let s = served();
    for path in ["/", "/plan/_", "/assets/app.js", "/nowhere"] {
        let answer = s.get(path).await;
        let csp = answer.headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(answer.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(answer.headers[header::REFERRER_POLICY], "same-origin");
    }
    assert_eq!(s.get("/plan/_").await.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(s.get("/assets/app.css").await.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert_eq!(s.get("/assets/secret.txt").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn paths_never_leave_the_root_or_the_archive() {
    let s = served();
    for path in [
        "/plan/..",
        "/plan/..~..",
        "/plan/.hidden",
        "/plan/%2e%2e",
        "/plan/nothing",
        "/files/../plan/plan.toml",
        "/files/%2e%2e/plan/plan.toml",
        "/files/..%2fplan%2fplan.toml",
        "/files//etc/passwd",
        "/plan/_/diff?before=..&after=..",
    ] {
        let answer = s.get(path).await;
        assert!(
            answer.status == StatusCode::NOT_FOUND || !answer.text().contains("[organisation]"),
            "{path}: {}",
            answer.status
        );
        assert!(!answer.text().contains("Kerkstraat"), "{path} leaked plan.toml");
    }
    assert_eq!(s.get("/plan/nothing").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_plan_page_shows_forms_preview_and_the_edition_it_previews() {
    let s = served();
    let page = s.get("/plan/_").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("<h1>Voorbeeld NV · Opleidingsplan 2027</h1>"), "{html}");
    assert!(html.contains("name=\"mission\""));
    assert!(html.contains(&format!("name=\"_csrf\" value=\"{}\"", s.token)));
    assert!(html.contains("/plan/_/page/1/1"), "the first page of revision 1");
    assert!(html.contains("data-privacy=\"none\""), "the council edition, no problems: no personal data");
    let internal = s.get("/plan/_?edition=internal").await.text();
    assert!(internal.contains("data-privacy=\"personal\""), "the internal edition holds personal data");
    assert!(internal.contains("/plan/_/page/1/1?edition=internal"), "its own pages");
    let svg = s.get("/plan/_/page/1/1").await;
    assert_eq!(svg.headers[header::CONTENT_TYPE], "image/svg+xml");
    assert_eq!(
        svg.headers[header::CACHE_CONTROL],
        "private, max-age=3600",
        "a page of a revision never changes"
    );
    assert!(svg.text().starts_with("<svg"));
    assert_eq!(s.get("/plan/_/page/1/999").await.status, StatusCode::NOT_FOUND);
    let status = s.get("/plan/_/status").await.json();
    assert_eq!(status["revision"], 1, "showing the internal edition left the council's preview as it was");
}

#[tokio::test]
async fn a_saved_mission_reaches_plan_toml_with_its_comments_and_the_preview() {
    let s = served();
    s.get("/plan/_").await;
    let mission = "Wij bouwen machines die dertig jaar meegaan.";
    let mut fields = vec![("mission", mission)];
    let toml = s.plan_toml();
    let doc: toml::Table = toml::from_str(&toml).unwrap();
    let strategy = doc["strategy"].as_table().unwrap();
    let keep: Vec<(String, String)> = ["vision", "learning_vision", "stakeholders", "communication"]
        .iter()
        .map(|k| (k.to_string(), strategy[*k].as_str().unwrap().to_string()))
        .collect();
    for (k, v) in &keep {
        fields.push((k, v));
    }
    let answer = s.post_form("/plan/_/edit/strategy", &fields).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text());
    let after = s.plan_toml();
    assert!(after.contains(&format!("mission = \"{mission}\"")));
    assert!(after.contains("# also a one-page summary in plain words for all employees"), "comments kept");
    assert!(
        !after.contains("needs]\nindividual = \"\""),
        "fields the form left empty are removed, not emptied"
    );
    let pdf = s.get("/plan/_/preview.pdf").await;
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf_text(&pdf.body).contains(&common::squeeze(mission)), "the preview shows the new mission");
}

#[tokio::test]
async fn a_form_that_would_break_plan_toml_is_not_saved() {
    let s = served();
    let before = s.plan_toml();
    let answer = s.post_form("/plan/_/edit/consultation", &[("meeting", "2027-02-30")]).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.text().contains("meeting"), "{}", answer.text());
    let answer = s
        .post_form(
            "/plan/_/edit/organisation",
            &[("name", "Voorbeeld NV"), ("enterprise_number", "0403.019.262"), ("registered_office", "x")],
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a wrong check digit is an error in plan.toml"
    );
    assert!(answer.text().contains("0403.019.262"), "{}", answer.text());
    assert_eq!(s.plan_toml(), before);
    assert_eq!(s.post_form("/plan/_/edit/nonsense", &[]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_uploaded_workbook_with_a_mistake_shows_the_problem_at_its_cell_with_its_row() {
    let s = served();
    s.get("/plan/_").await;
    let wrong = common::example_workbook_with("Medewerkers", 4, 3, "31/02/1980");
    let answer = s.upload("export.xlsx", &wrong).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let live = s.get("/plan/_/live").await.json();
    let problems = live["problems"].as_str().unwrap();
    assert!(problems.contains("Medewerkers"), "{problems}");
    assert!(problems.contains("<span class=\"cell\">D5</span>"), "{problems}");
    assert!(problems.contains("31/02/1980"), "the cell's value in its row: {problems}");
    assert!(problems.contains("Geboortedatum"), "the row's headers: {problems}");
    assert_eq!(live["personal"], true, "rows of the workbook are personal data");
    assert!(live["preview"].as_str().unwrap().contains("zodra de fouten"), "no preview while it has errors");
    // Fixed: the original workbook again.
    let original =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld/gegevens.xlsx")).unwrap();
    assert_eq!(s.upload("gegevens.xlsx", &original).await.status, StatusCode::OK);
    let live = s.get("/plan/_/live").await.json();
    assert_eq!(live["personal"], false);
    assert!(live["preview"].as_str().unwrap().contains("<img"));
}

#[tokio::test]
async fn uploads_are_limited_in_type_content_and_size() {
    let s = served();
    let before = std::fs::read(s.plan.join("gegevens.xlsx")).unwrap();
    assert_eq!(s.upload("notes.txt", b"hello").await.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        s.upload("data.ods", b"PK").await.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "plan.toml reads an xlsx"
    );
    let fake = s.upload("gegevens.xlsx", b"<html>not a workbook</html>").await;
    assert_eq!(fake.status, StatusCode::UNPROCESSABLE_ENTITY);
    let big = vec![b'P'; 33 * 1024 * 1024];
    assert_eq!(s.upload("gegevens.xlsx", &big).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(std::fs::read(s.plan.join("gegevens.xlsx")).unwrap(), before, "nothing was replaced");
}

#[tokio::test]
async fn the_build_button_archives_a_draft_as_build_does_and_the_archive_pages_show_it() {
    let s = served();
    let built = s.post_form("/plan/_/build", &[("stage", "draft"), ("edition", "council")]).await;
    assert_eq!(built.status, StatusCode::OK);
    let html = built.text();
    assert!(html.contains("Versie 1 is gearchiveerd"), "{html}");
    let links: Vec<&str> =
        html.split("href=\"/files/").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert!(links.iter().any(|l| l.ends_with("-bijlage.xlsx")), "{links:?}");
    let link = *links.iter().find(|l| l.ends_with(".pdf")).unwrap();
    assert!(link.ends_with(".pdf"), "{link}");
    let pdf = s.get(&format!("/files/{link}")).await;
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF"));
    assert!(pdf_text(&pdf.body).contains("Ontwerp"), "a draft says so on its pages");
    let manifest = s.out.join(Path::new(link).parent().unwrap()).join("manifest.json");
    assert!(manifest.is_file(), "written into the archive as build writes it");
    // Built again without a change: nothing new.
    let again = s.post_form("/plan/_/build", &[("stage", "draft"), ("edition", "council")]).await;
    assert!(again.text().contains("Niets veranderd sinds versie 1"), "{}", again.text());
    // A change, a second version, and the comparison between them.
    let wrong = common::example_workbook_with("Opleidingen", 1, 1, "Veilig werken met heftrucks (nieuw)");
    assert_eq!(s.upload("gegevens.xlsx", &wrong).await.status, StatusCode::OK);
    let second = s.post_form("/plan/_/build", &[("stage", "draft"), ("edition", "council")]).await;
    assert!(second.text().contains("Versie 2 is gearchiveerd"), "{}", second.text());
    let archive = s.get("/plan/_/archive").await.text();
    assert_eq!(archive.matches("✓ intact").count(), 2, "{archive}");
    let folders: Vec<&str> =
        archive.split("<option value=\"").skip(1).filter_map(|r| r.split('"').next()).collect();
    let diff = s.get(&format!("/plan/_/diff?before={}&after={}", folders[1], folders[0])).await.text();
    assert!(diff.contains("(nieuw)"), "{diff}");
    // A file changed after it was archived: the archive page says so.
    std::fs::write(s.out.join(link), b"changed").unwrap();
    let archive = s.get("/plan/_/archive").await.text();
    assert!(archive.contains("✗"), "{archive}");
}

#[tokio::test]
async fn the_pages_speak_the_language_asked_for_and_remember_it() {
    let s = served();
    let page = s.get("/plan/_?lang=fr").await;
    assert!(page.text().contains("<html lang=\"fr\">"));
    let cookie = page.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("lang=fr"));
    let request = Request::get("/")
        .header(header::HOST, HOST)
        .header(header::COOKIE, "lang=en")
        .body(Body::empty())
        .unwrap();
    assert!(s.send(request).await.text().contains("Your plans"));
    let request = Request::get("/")
        .header(header::HOST, HOST)
        .header(header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9")
        .body(Body::empty())
        .unwrap();
    assert!(s.send(request).await.text().contains("<html lang=\"fr\">"));
}

#[tokio::test]
async fn an_internal_build_counts_its_statements_and_its_pages_say_they_hold_personal_data() {
    let s = served();
    let built = s.post_form("/plan/_/build", &[("stage", "final"), ("edition", "internal")]).await.text();
    assert!(built.contains("data-privacy=\"personal\""), "{built}");
    let statements = built.matches("/statements/").count();
    assert_eq!(statements, 2, "only the combined statements (nl, fr) are linked: {built}");
    let count = std::fs::read_dir(walk_statements(&s.out)).unwrap().count() - 2;
    assert!(built.contains(&format!("en {count} overzichten, één per medewerker")), "{built}");
    let archive = s.get("/plan/_/archive").await.text();
    assert!(archive.contains("data-privacy=\"personal\""), "the archive links the internal edition's files");
    assert_eq!(archive.matches("/statements/").count(), 2);
}

/// The statements folder of the one version in `out`.
fn walk_statements(out: &Path) -> PathBuf {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_type().is_dir() && e.file_name() == "statements")
        .unwrap()
        .into_path()
}

#[tokio::test]
async fn a_workbook_saved_on_disk_is_read_again_at_the_next_look() {
    let s = served();
    assert_eq!(s.get("/plan/_/status").await.json()["revision"], 1);
    assert_eq!(s.get("/plan/_/status").await.json()["revision"], 1, "nothing changed: nothing read again");
    // Saved from Excel, not uploaded.
    let wrong = common::example_workbook_with("Medewerkers", 4, 3, "31/02/1980");
    std::fs::write(s.plan.join("gegevens.xlsx"), wrong).unwrap();
    assert_eq!(s.get("/plan/_/status").await.json()["revision"], 2);
    let live = s.get("/plan/_/live").await.json();
    assert!(live["problems"].as_str().unwrap().contains("<span class=\"cell\">D5</span>"));
}

#[tokio::test]
async fn a_batch_root_lists_every_client_and_serves_each_by_its_folder() {
    let root = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld");
    for (folder, edit) in [("klanten/a", None), ("klanten/b", Some(("year = 2027", "year = 1850")))] {
        let dir = root.path().join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(example.join("gegevens.xlsx"), dir.join("gegevens.xlsx")).unwrap();
        let toml = std::fs::read_to_string(example.join("plan.toml")).unwrap();
        let toml = edit.map_or(toml.clone(), |(from, to)| toml.replace(from, to));
        std::fs::write(dir.join("plan.toml"), toml).unwrap();
    }
    std::fs::write(root.path().join("batch.toml"), "[defaults]\nlanguage = \"en\"\n").unwrap();
    let out = root.path().join("output");
    let app = App::new(Options::local(root.path().to_path_buf(), out), HOST.parse().unwrap()).unwrap();
    let s = Served {
        _dir: root,
        plan: PathBuf::new(),
        out: PathBuf::new(),
        router: router(Arc::new(app)),
        token: String::new(),
    };
    let list = s.get("/").await.text();
    assert!(list.contains("href=\"/plan/klanten~a\""), "{list}");
    assert!(list.contains("klanten/b"), "the folder of the plan that cannot be read is named: {list}");
    assert!(list.contains("1 problem"), "{list}");
    assert_eq!(s.get("/plan/klanten~a").await.status, StatusCode::OK);
    let broken = s.get("/plan/klanten~b").await.text();
    assert!(broken.contains("plan.toml"), "{broken}");
    assert_eq!(s.get("/plan/klanten").await.status, StatusCode::NOT_FOUND, "a folder that holds no plan");
}

#[tokio::test]
async fn a_problem_in_plan_toml_links_to_the_form_that_fixes_it() {
    let s = served();
    let toml = s.plan_toml().replace("0403.019.261", "0403.019.262");
    std::fs::write(s.plan.join("plan.toml"), toml).unwrap();
    let live = s.get("/plan/_/live").await.json();
    let problems = live["problems"].as_str().unwrap();
    assert!(
        problems.contains("0403.019.262") && problems.contains("href=\"#form-organisation\""),
        "{problems}"
    );
    // The page opens with the forms, whatever plan.toml holds.
    assert!(s.get("/plan/_").await.text().contains("id=\"form-organisation\""));
}

#[test]
fn serve_refuses_a_missing_folder_and_a_port_in_use_with_what_to_do() {
    let run = |args: &[&str]| {
        let output =
            std::process::Command::new(env!("CARGO_BIN_EXE_opleidingsplan")).args(args).output().unwrap();
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (code, said) = run(&["serve", "/nonexistent/plans", "--no-open", "--lang", "en"]);
    assert_eq!(code, Some(2));
    assert!(said.contains("/nonexistent/plans is not a folder; give a plan folder"), "{said}");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/data/voorbeeld");
    let (code, said) = run(&["serve", example, "--no-open", "--port", &port, "--lang", "en"]);
    assert_eq!(code, Some(2));
    assert!(said.contains("that port is in use") && said.contains("--port"), "{said}");
}

#[tokio::test]
async fn the_plan_page_says_what_check_says_the_checklist_and_what_is_left_to_do() {
    let s = served();
    let live = s.get("/plan/_/live").await.json();
    let problems = live["problems"].as_str().unwrap();
    assert!(problems.contains("Checklist wettelijke elementen"), "{problems}");
    assert!(problems.contains("Aandacht voor werknemers met een handicap</strong> (aandacht)"), "{problems}");
    assert!(problems.contains("Nog te doen voor het plan af is"), "{problems}");
    // Without goals, the to-do list asks for them.
    let toml = s.plan_toml();
    let start = toml.find("[[strategy.goals]]").unwrap();
    let end = toml.find("[annual]").unwrap();
    std::fs::write(s.plan.join("plan.toml"), format!("{}{}", &toml[..start], &toml[end..])).unwrap();
    let live = s.get("/plan/_/live").await.json();
    let problems = live["problems"].as_str().unwrap();
    assert!(
        problems.contains("voeg strategische doelstellingen toe in plan.toml als [[strategy.goals]]"),
        "{problems}"
    );
}

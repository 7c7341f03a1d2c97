//! The web application in a real browser, as an HR person uses it: Debian's
//! headless Chromium driven through ChromeDriver (installed by `.ci/run`:
//! `apt-get install -y chromium chromium-driver`). It opens the plan,
//! drops a workbook with a mistake on the page, sees the problem at its
//! cell, fixes it, edits the mission, sees the preview change, builds a
//! draft and downloads its PDF. Screenshots of each step are written to
//! `target/browser/` to look at.

mod common;

use base64::Engine;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A ChromeDriver process and one browser session in it.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    shots: PathBuf,
}

/// The W3C WebDriver element key.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One HTTP request to ChromeDriver, on its own connection.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    // ChromeDriver may keep the connection open: read the headers, then
    // as many bytes as they announce.
    let mut answer = Vec::new();
    let mut buffer = [0u8; 65536];
    let body_start = loop {
        let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the headers".into());
        }
        answer.extend_from_slice(&buffer[..n]);
        if let Some(at) = answer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&answer[..body_start]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .ok_or("no content-length")?;
    while answer.len() < body_start + length {
        let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buffer[..n]);
    }
    let json = String::from_utf8_lossy(&answer[body_start..]);
    let value: Value = serde_json::from_str(&json).map_err(|e| format!("{e}: {json}"))?;
    match value["value"].get("error") {
        Some(error) => Err(format!("{error}: {}", value["value"]["message"])),
        None => Ok(value["value"].clone()),
    }
}

impl Browser {
    fn start(shots: PathBuf) -> Self {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "chromedriver is needed for this test: apt-get install -y chromium chromium-driver (.ci/run does)",
            );
        let ready = Instant::now();
        while http(port, "GET", "/status", None).is_err() {
            assert!(ready.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap().keep();
        // The flags keep Chromium off the network (the machine has none) and
        // out of the way of a root user in a container.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1400,1600",
            "--lang=nl-BE",
        ]
        .iter()
        .map(|a| a.to_string())
        .chain([format!("--user-data-dir={}", profile.display())])
        .collect::<Vec<_>>();
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args,
                "prefs": { "intl.accept_languages": "nl-BE,nl" } }
        } } });
        let session = http(port, "POST", "/session", Some(&capabilities)).expect("a browser session");
        let session = session["sessionId"].as_str().unwrap().to_string();
        std::fs::create_dir_all(&shots).unwrap();
        Self { driver, port, session, shots }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        http(self.port, method, &path, body.as_ref()).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    fn open(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn find(&self, css: &str) -> String {
        let found = self.call("POST", "/element", Some(json!({ "using": "css selector", "value": css })));
        found[ELEMENT].as_str().unwrap().to_string()
    }

    fn click(&self, css: &str) {
        let element = self.find(css);
        self.call("POST", &format!("/element/{element}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.call("POST", &format!("/element/{element}/clear"), Some(json!({})));
        self.call("POST", &format!("/element/{element}/value"), Some(json!({ "text": text })));
    }

    fn script(&self, script: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": [] })))
    }

    fn text(&self, css: &str) -> String {
        let script = format!("return document.querySelector({css:?})?.innerText ?? ''");
        self.script(&script).as_str().unwrap_or_default().to_string()
    }

    /// Waits until `check` holds (the page polls the server every second).
    fn wait(&self, what: &str, check: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        while !check(self) {
            if start.elapsed() > Duration::from_secs(60) {
                self.shot("timeout");
                panic!("waited a minute for {what}; see {}", self.shots.join("timeout.png").display());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn shot(&self, name: &str) {
        let png = self.call("GET", "/screenshot", None);
        let bytes = base64::engine::general_purpose::STANDARD.decode(png.as_str().unwrap()).unwrap();
        std::fs::write(self.shots.join(format!("{name}.png")), bytes).unwrap();
    }

    /// A file the page links to, fetched by the browser itself.
    fn download(&self, href: &str) -> Vec<u8> {
        let script = "const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(r => r.arrayBuffer())
                .then(b => done(Array.from(new Uint8Array(b)))).catch(e => done(String(e)));";
        let bytes = self.call("POST", "/execute/async", Some(json!({ "script": script, "args": [href] })));
        let bytes = bytes.as_array().unwrap_or_else(|| panic!("download failed: {bytes}"));
        bytes.iter().map(|b| b.as_u64().unwrap() as u8).collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Starts `serve` on the folder in a thread of this process; its address.
fn serve(root: &Path, out: &Path) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    let options = opleidingsplan::serve::Options::local(root.to_path_buf(), out.to_path_buf());
    std::thread::spawn(move || {
        opleidingsplan::serve::run(options, |url| tx.send(url.to_string()).unwrap()).unwrap();
    });
    rx.recv_timeout(Duration::from_secs(30)).expect("the application starts")
}

fn pdf_text(bytes: &[u8]) -> String {
    common::squeeze(&pdf_extract::extract_text_from_mem(bytes).unwrap())
}

#[test]
fn an_hr_person_fixes_the_workbook_edits_the_mission_and_builds_a_draft() {
    let example = common::example_with(|p| p.to_string());
    let dir = tempfile::tempdir().unwrap();
    let url = serve(example.path(), &dir.path().join("output"));
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let browser = Browser::start(shots);
    browser.open(&format!("{url}plan/_"));
    browser.wait("the plan page", |b| b.text("h1").contains("Voorbeeld NV"));
    browser.shot("1-plan");

    // A workbook with an impossible birth date in D5, dropped in.
    let wrong = dir.path().join("gegevens.xlsx");
    std::fs::write(&wrong, common::example_workbook_with("Medewerkers", 4, 3, "31/02/1980")).unwrap();
    browser.type_into_file("#workbook-file", &wrong);
    browser.wait("the problem at its cell", |b| b.text("#problems").contains("D5"));
    let problems = browser.text("#problems");
    assert!(problems.contains("31/02/1980") && problems.contains("Geboortedatum"), "{problems}");
    assert_eq!(browser.script("return document.querySelector('.privacy').dataset.privacy"), "personal");
    browser.shot("2-problem");

    // Fixed: the example's own workbook again.
    let fixed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld/gegevens.xlsx");
    browser.type_into_file("#workbook-file", &fixed);
    browser.wait("the preview back", |b| {
        b.script("return document.querySelectorAll('.pages img').length").as_u64() > Some(10)
    });
    assert!(!browser.text("#problems").contains("D5"));

    // The mission, edited in its form.
    let first_page = || browser.script("return document.querySelector('.pages img').getAttribute('src')");
    let before = first_page();
    browser.click("#form-strategy summary");
    let mission = "Wij bouwen machines die dertig jaar meegaan, en leren elke dag bij.";
    browser.type_into("#form-strategy textarea[name=mission]", mission);
    browser.click("#form-strategy button[type=submit]");
    browser.wait("the preview of the new mission", |b| {
        first_page() != before && !b.text("#form-strategy .saved").is_empty()
    });
    assert_eq!(browser.text("#form-strategy .saved"), "Opgeslagen.");
    let preview = browser.download(&format!("{url}plan/_/preview.pdf"));
    assert!(pdf_text(&preview).contains(&common::squeeze(mission)), "the preview shows the new mission");
    let toml = std::fs::read_to_string(example.path().join("plan.toml")).unwrap();
    assert!(toml.contains(mission) && toml.contains("# also a one-page summary"), "saved, comments kept");
    browser.shot("3-mission");

    // A draft, built into the archive, and its PDF downloaded.
    browser.script("document.querySelector('#build-stage').value = 'draft'; return null");
    browser.click("#build button[type=submit]");
    browser.wait("the built version", |b| b.text("h1").contains("Versie 1"));
    browser.shot("4-built");
    let href = browser.script("return [...document.querySelectorAll('a[href^=\"/files/\"]')].map(a => a.href).find(h => h.endsWith('.pdf'))");
    let pdf = browser.download(href.as_str().unwrap());
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    assert!(
        text.contains("ONTWERP") && text.contains(&common::squeeze(mission)),
        "a draft with the new mission"
    );
}

impl Browser {
    /// Chooses `file` in the file input `css` (its change event uploads it).
    fn type_into_file(&self, css: &str, file: &Path) {
        let element = self.find(css);
        let text = file.display().to_string();
        self.call("POST", &format!("/element/{element}/value"), Some(json!({ "text": text })));
    }
}

//! The rules every request passes before it reaches a page:
//!
//! - its `Host` is this application's loopback name and port, so a web
//!   page whose name was pointed at 127.0.0.1 (DNS rebinding) gets nothing;
//! - a request that changes something (any method but GET and HEAD) comes
//!   from our own pages: its `Origin` is ours and it carries the token our
//!   pages hold, in the `x-csrf-token` header or the form's `_csrf` field;
//! - every answer forbids framing, sniffing, referrers and outside scripts,
//!   and pages are not cached (they hold personal data).
//!
//! A refusal is worded in the language the browser asks for.

use super::App;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The header our script sends the token in.
pub(super) const TOKEN_HEADER: &str = "x-csrf-token";
/// The form field our forms send the token in.
pub(super) const TOKEN_FIELD: &str = "_csrf";
/// A form body read to find its token is at most this large.
const FORM_LIMIT: usize = 1024 * 1024;

/// Refuses what does not pass, then adds the safety headers.
pub(super) async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    if !host_allowed(&app, request.headers()) {
        return refuse(request.headers(), StatusCode::MISDIRECTED_REQUEST, "/guard/host");
    }
    let request = if changes(request.method()) {
        match checked(&app, request).await {
            Ok(request) => request,
            Err(response) => return response,
        }
    } else {
        request
    };
    let mut response = next.run(request).await;
    secure(response.headers_mut());
    response
}

fn changes(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD)
}

fn host_allowed(app: &App, headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    host.is_some_and(|host| app.hosts.iter().any(|allowed| allowed.eq_ignore_ascii_case(host)))
}

/// The request, when its origin is ours and it carries the token; a form
/// body is read (within a limit) to find the token and handed on whole.
async fn checked(app: &App, request: Request) -> Result<Request, Response> {
    let headers = request.headers();
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    if origin != Some(&format!("http://{host}")) {
        return Err(refuse(headers, StatusCode::FORBIDDEN, "/guard/origin"));
    }
    if headers.get(TOKEN_HEADER).is_some_and(|t| same(t.as_bytes(), app.token.as_bytes())) {
        return Ok(request);
    }
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|c| c.to_str().ok())
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(refuse(headers, StatusCode::FORBIDDEN, "/guard/token"));
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        return Err(refuse(&parts.headers, StatusCode::PAYLOAD_TOO_LARGE, "/guard/too_large"));
    };
    let token = form_urlencoded_value(&bytes, TOKEN_FIELD);
    if !token.is_some_and(|t| same(t.as_bytes(), app.token.as_bytes())) {
        return Err(refuse(&parts.headers, StatusCode::FORBIDDEN, "/guard/token"));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The value of `key` in a URL-encoded form.
fn form_urlencoded_value(body: &[u8], key: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    pairs.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Compares in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn refuse(headers: &HeaderMap, status: StatusCode, key: &str) -> Response {
    let language = super::html::browser_language(headers).unwrap_or(crate::model::Language::En);
    let text = super::html::t(language, key);
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

fn secure(headers: &mut HeaderMap) {
    let set = |headers: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
         script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    // Not `no-referrer`: with it, browsers send `Origin: null` with our
    // own forms, and the origin check would refuse them.
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::CACHE_CONTROL, "no-store");
}

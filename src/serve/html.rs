//! The frame every page shares (title, language switch, the banner that
//! says whether the page holds personal data) and the user's language.

use super::App;
use crate::model::Language;
use axum::extract::FromRequestParts;
use axum::http::{HeaderMap, header, request::Parts};
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use std::convert::Infallible;

/// The language a request is answered in: `?lang=` (then remembered in a
/// cookie), else the cookie, else the browser's first of ours, else none.
pub(super) struct Ui {
    /// The language asked for, if any.
    asked: Option<Language>,
    /// Whether `?lang=` chose it (and the cookie should remember it).
    remember: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        let query = parts.uri.query().unwrap_or_default();
        let from_query = query.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(parse);
        if from_query.is_some() {
            return Ok(Self { asked: from_query, remember: true });
        }
        Ok(Self {
            asked: from_cookie(&parts.headers).or_else(|| from_browser(&parts.headers)),
            remember: false,
        })
    }
}

impl Ui {
    /// The language asked for, if any.
    pub(super) fn asked(&self) -> Option<Language> {
        self.asked
    }

    /// The language: the one asked for, else `fallback` (the plan's).
    pub(super) fn language(&self, fallback: Language) -> Language {
        self.asked.unwrap_or(fallback)
    }
}

/// The language a request's cookie or browser asks for.
pub(super) fn browser_language(headers: &HeaderMap) -> Option<Language> {
    from_cookie(headers).or_else(|| from_browser(headers))
}

fn parse(code: &str) -> Option<Language> {
    match code.get(..2)?.to_ascii_lowercase().as_str() {
        "nl" => Some(Language::Nl),
        "fr" => Some(Language::Fr),
        "en" => Some(Language::En),
        _ => None,
    }
}

fn from_cookie(headers: &HeaderMap) -> Option<Language> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    cookies.split(';').find_map(|c| c.trim().strip_prefix("lang=")).and_then(parse)
}

fn from_browser(headers: &HeaderMap) -> Option<Language> {
    let accepted = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    accepted.split(',').find_map(|part| parse(part.trim()))
}

/// The web wording `key` in `language`.
pub(super) fn t(language: Language, key: &str) -> &'static str {
    language.strings().ui(key)
}

/// What a page shows of the people in the workbook, said at its top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Privacy {
    /// Names, personnel numbers, rows of the workbook, the internal edition.
    Personal,
    /// Figures and texts only, as the council edition shows them.
    NoPersonal,
}

/// A whole page in the frame.
pub(super) struct Page<'a> {
    /// Its title, after the application's name.
    pub title: &'a str,
    /// Whether it holds personal data.
    pub privacy: Privacy,
    /// The plan it is about: its id and name, for the way back.
    pub plan: Option<(&'a str, &'a str)>,
    /// What the page says.
    pub body: Markup,
}

impl Page<'_> {
    /// The page as an answer, in `language`; remembers the language when
    /// the request chose it.
    pub(super) fn respond(self, app: &App, ui: &Ui, language: Language) -> Response {
        let markup = self.markup(app, language);
        let mut response = Html(markup.into_string()).into_response();
        if ui.remember
            && let Ok(cookie) = format!("lang={}; Path=/; SameSite=Strict", language.code()).parse()
        {
            response.headers_mut().insert(header::SET_COOKIE, cookie);
        }
        response
    }

    fn markup(self, app: &App, language: Language) -> Markup {
        let (banner_class, banner) = match self.privacy {
            Privacy::Personal => ("privacy personal", t(language, "/frame/personal")),
            Privacy::NoPersonal => ("privacy none", t(language, "/frame/no_personal")),
        };
        html! {
            (DOCTYPE)
            html lang=(language.code()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="csrf-token" content=(app.token);
                    title { (self.title) " · " (t(language, "/frame/app")) }
                    link rel="stylesheet" href="/assets/app.css";
                    script src="/assets/app.js" defer {}
                }
                body {
                    header.top {
                        a.brand href="/" { (t(language, "/frame/app")) }
                        @if let Some((id, name)) = self.plan {
                            span.crumb { "›" }
                            a.crumb href={ "/plan/" (id) } { (name) }
                        }
                        nav.languages aria-label=(t(language, "/frame/language")) {
                            @for other in Language::ALL {
                                @if other == language {
                                    strong { (other.code().to_uppercase()) }
                                } @else {
                                    a href={ "?lang=" (other.code()) } hreflang=(other.code()) {
                                        (other.code().to_uppercase())
                                    }
                                }
                            }
                        }
                    }
                    p class=(banner_class) role="note"
                        data-privacy=(if self.privacy == Privacy::Personal { "personal" } else { "none" })
                        data-personal-text=(t(language, "/frame/personal"))
                        data-none-text=(t(language, "/frame/no_personal")) { (banner) }
                    main { (self.body) }
                }
            }
        }
    }
}

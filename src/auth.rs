//! Optional bearer-token authentication for the Analyzer and reflection
//! services (health stays open for probes). Tokens come from a file (one per
//! line) or an environment variable (comma-separated); a call without a
//! valid `authorization: Bearer <token>` header gets UNAUTHENTICATED.
//! Tokens are compared in constant time.

use std::path::Path;
use std::sync::Arc;

use subtle::ConstantTimeEq;
use tonic::{Request, Status};

/// The accepted tokens; empty means authentication is off.
#[derive(Clone, Default)]
pub struct BearerAuth {
    tokens: Arc<Vec<Vec<u8>>>,
}

impl std::fmt::Debug for BearerAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the tokens themselves.
        f.debug_struct("BearerAuth").field("tokens", &self.tokens.len()).finish()
    }
}

/// Why the tokens could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// The token file could not be read.
    #[error("cannot read the token file {path}: {source}")]
    File {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A token is unusable.
    #[error("a token is {0}")]
    BadToken(&'static str),
}

impl BearerAuth {
    /// Authentication with these tokens (blank ones are ignored).
    pub fn new<I, S>(tokens: I) -> Result<Self, AuthError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut list = Vec::new();
        for token in tokens {
            let token = token.as_ref().trim();
            if token.is_empty() {
                continue;
            }
            if token.len() < 16 {
                return Err(AuthError::BadToken("shorter than 16 characters"));
            }
            if !token.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(AuthError::BadToken("not printable ASCII without spaces"));
            }
            list.push(token.as_bytes().to_vec());
        }
        Ok(Self { tokens: Arc::new(list) })
    }

    /// Tokens from `file` (one per line, `#` comments) and `list`
    /// (comma-separated); none of either turns authentication off.
    pub fn load(file: Option<&Path>, list: Option<&str>) -> Result<Self, AuthError> {
        let mut tokens: Vec<String> = Vec::new();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path)
                .map_err(|source| AuthError::File { path: path.display().to_string(), source })?;
            tokens.extend(
                text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned),
            );
        }
        if let Some(list) = list {
            tokens.extend(list.split(',').map(str::to_owned));
        }
        Self::new(tokens)
    }

    /// Whether any token is configured.
    pub fn is_enabled(&self) -> bool {
        !self.tokens.is_empty()
    }

    /// Whether `presented` equals one of the tokens. Every token is compared
    /// in full, so the time taken does not reveal which one matched or how
    /// much of one did.
    fn accepts(&self, presented: &[u8]) -> bool {
        let mut matched = subtle::Choice::from(0u8);
        for token in self.tokens.iter() {
            matched |= token.as_slice().ct_eq(presented);
        }
        matched.into()
    }

    /// Checks a call's `authorization` header.
    pub fn check<T>(&self, request: Request<T>) -> Result<Request<T>, Status> {
        if !self.is_enabled() {
            return Ok(request);
        }
        let presented = request
            .metadata()
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")))
            .map(str::trim);
        match presented {
            Some(token) if self.accepts(token.as_bytes()) => Ok(request),
            Some(_) => Err(Status::unauthenticated("invalid bearer token")),
            None => Err(Status::unauthenticated("missing \"authorization: Bearer <token>\" header")),
        }
    }
}

impl tonic::service::Interceptor for BearerAuth {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        self.check(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "s3cret-token-0123456789";

    fn request(header: Option<&str>) -> Request<()> {
        let mut request = Request::new(());
        if let Some(value) = header {
            request.metadata_mut().insert("authorization", value.parse().expect("ascii header"));
        }
        request
    }

    #[test]
    fn off_without_tokens() {
        let auth = BearerAuth::new(Vec::<String>::new()).expect("no tokens");
        assert!(!auth.is_enabled());
        assert!(auth.check(request(None)).is_ok());
    }

    #[test]
    fn accepts_a_valid_token_and_rejects_the_rest() {
        let auth = BearerAuth::new([TOKEN, "another-token-abcdefgh"]).expect("tokens");
        assert!(auth.check(request(Some(&format!("Bearer {TOKEN}")))).is_ok());
        assert!(auth.check(request(Some("Bearer another-token-abcdefgh"))).is_ok());
        for bad in [None, Some("Bearer wrong-token-0123456789"), Some(TOKEN), Some("Basic abc"), Some("Bearer ")] {
            let status = auth.check(request(bad)).expect_err("rejected");
            assert_eq!(status.code(), tonic::Code::Unauthenticated, "{bad:?}");
        }
        // A prefix of a valid token is not valid.
        assert!(auth.check(request(Some(&format!("Bearer {}", &TOKEN[..10])))).is_err());
    }

    #[test]
    fn rejects_weak_tokens_and_loads_files_and_lists() {
        assert!(BearerAuth::new(["short"]).is_err());
        assert!(BearerAuth::new(["has a space in it 123"]).is_err());
        let dir = std::env::temp_dir().join(format!("sayso-auth-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("tokens");
        std::fs::write(&file, format!("# comment\n{TOKEN}\n\n")).expect("write tokens");
        let auth = BearerAuth::load(Some(&file), Some("list-token-0123456789abc")).expect("load");
        assert!(auth.check(request(Some(&format!("Bearer {TOKEN}")))).is_ok());
        assert!(auth.check(request(Some("Bearer list-token-0123456789abc"))).is_ok());
        let _ = std::fs::remove_dir_all(dir);
        assert!(format!("{auth:?}").contains("tokens: 2") && !format!("{auth:?}").contains(TOKEN));
    }
}

use std::io::Write;
use std::process::{Command, Stdio};

use crate::util::{TestServer, root, seeds};

/// Runs the `sayso` binary with `args`, feeding `stdin`; returns stdout.
fn sayso(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sayso");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let output = child.wait_with_output().expect("sayso finishes");
    assert!(output.status.success(), "sayso {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn jsonl_of_seeds() -> String {
    seeds().into_iter().map(|(name, text)| serde_json::json!({"id": name, "text": text}).to_string() + "\n").collect()
}

#[tokio::test]
async fn local_and_server_give_the_same_json_for_every_seed() {
    let server = TestServer::start().await;
    let url = server.url();
    let input = jsonl_of_seeds();
    let (local, remote) = tokio::task::spawn_blocking(move || {
        (
            sayso(&["analyze", "--local", "--jsonl", "-"], &input),
            sayso(&["analyze", "--addr", &url, "--jsonl", "-"], &input),
        )
    })
    .await
    .expect("cli runs");
    assert_eq!(local.lines().count(), seeds().len());
    assert_eq!(local, remote);
    server.stop().await;
}

#[test]
fn a_bad_jsonl_line_gets_its_own_error_and_the_run_goes_on() {
    let input =
        "{\"id\":\"a\",\"text\":\"One.\"}\n{not json\n{\"id\":\"c\",\"text\":\"\"}\n{\"id\":\"d\",\"text\":\"Two.\"}\n";
    let out = sayso(&["analyze", "--local", "--jsonl", "-"], input);
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids, ["a", "-:2", "c", "d"]);
    assert!(rows[0].get("error").is_none());
    assert_eq!(rows[1]["error"]["code"], 3);
    assert_eq!(rows[2]["error"]["field"], "text");
    assert!(rows[3].get("error").is_none());
}

#[test]
fn files_and_directories_are_documents_named_by_path() {
    let out = sayso(&["analyze", "--local", "seeds"], "");
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["id"].as_str().unwrap_or("").to_owned())
        .collect();
    let expected: Vec<String> = seeds().into_iter().map(|(name, _)| format!("seeds/{name}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn pretty_output_is_a_report() {
    let out = sayso(&["analyze", "--local", "--format", "pretty", "--ref-date", "2023-11-21", "-"], "Hello, world.");
    assert!(out.contains("reference date: 2023-11-21 (request)"), "{out}");
    assert!(out.contains("speakers ("), "{out}");
}

use futures::StreamExt;
use sayso::client::AnalyzeOptions;
use sayso::pb;
use tonic::Code;

use crate::util::{TestServer, seeds};

#[tokio::test]
async fn two_hundred_documents_one_bad_in_the_middle() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let seeds = seeds();
    let requests: Vec<pb::AnalyzeRequest> = (0..200)
        .map(|i| {
            let options = AnalyzeOptions::default().id(format!("doc-{i}"));
            if i == 100 {
                options.reference_date("not a date").request("A document with a bad reference date.")
            } else {
                options.request(seeds[i % seeds.len()].1.clone())
            }
        })
        .collect();
    let mut responses = client.analyze_many(futures::stream::iter(requests)).await.expect("stream opens");
    let mut got = Vec::new();
    while let Some(response) = responses.next().await {
        got.push(response.expect("every document gets a response"));
    }
    assert_eq!(got.len(), 200);
    for (i, response) in got.iter().enumerate() {
        assert_eq!(response.id, format!("doc-{i}"), "responses come back in request order");
        if i == 100 {
            let error = response.error.as_ref().expect("the bad document has its error");
            assert_eq!(error.code, Code::InvalidArgument as i32);
            assert_eq!(error.field, "reference_date");
            assert!(error.message.starts_with("reference_date:"), "{}", error.message);
        } else {
            assert!(response.error.is_none(), "doc-{i}: {:?}", response.error);
            assert_eq!(response.language.as_ref().map(|l| l.code.as_str()), Some("eng"));
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn an_empty_stream_ends_cleanly() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut responses = client.analyze_many(futures::stream::empty()).await.expect("stream opens");
    assert!(responses.next().await.is_none());
    server.stop().await;
}

//! Wrong: on the end of the events it hands the batch over but keeps the stream in the state, so the next call polls the events stream again after it returned None.
//! The cause: a stream must not be polled after it ended (None): the state must record "done"
//! expect: after it had ended

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(events, move |mut events| async move {
        let first = events.next().await?;
        let deadline = tokio::time::Instant::now() + wait;
        let mut batch = vec![first];
        while batch.len() < size {
            match tokio::time::timeout_at(deadline, events.next()).await {
                Ok(Some(e)) => batch.push(e),
                Ok(None) | Err(_) => break,
            }
        }
        Some((batch, events))
    })
}

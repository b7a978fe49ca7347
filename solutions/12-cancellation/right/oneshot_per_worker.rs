//! Right: one `oneshot` channel per worker instead of a shared signal. The
//! receiver is a future that stays ready once the message is sent, so a
//! worker busy at the shutdown sees it on its next turn, and one waiting is
//! woken. Dropping the sender would stop the worker too.

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use tokio::sync::oneshot;

    let mut stops = Vec::new();
    let mut workers = Vec::new();
    for mut queue in queues {
        let (stop, mut stopped) = oneshot::channel::<()>();
        stops.push(stop);
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = tokio::select! {
                    biased;
                    _ = &mut stopped => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                done.push(item.id());
            }
            done
        }));
    }
    shutdown.await;
    for stop in stops {
        // A worker whose queue ran dry has gone already: nobody to tell.
        let _ = stop.send(());
    }
    let mut done = Vec::new();
    for worker in workers {
        done.push(worker.await.expect("a worker panicked"));
    }
    done
}

//! Wrong: the workers' select! is `biased;` but polls the queue before the
//! stop signal: a worker that finishes its item after the shutdown, with its
//! next item already in the queue, takes that item every time.
//! expect: Its select! polls the queue before the signal

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (stop, stopped) = watch::channel(false);
    let workers: Vec<JoinHandle<Vec<u32>>> = queues
        .into_iter()
        .map(|mut queue| {
            let mut stop = stopped.clone();
            tokio::spawn(async move {
                let mut done = Vec::new();
                loop {
                    let next = tokio::select! {
                        biased;
                        next = queue.next() => next,
                        _ = stop.wait_for(|&stop| stop) => break,
                    };
                    let Some(item) = next else { break };
                    item.process().await;
                    done.push(item.id());
                }
                done
            })
        })
        .collect();
    shutdown.await;
    stop.send_replace(true);
    let mut done = Vec::new();
    for worker in workers {
        done.push(worker.await.expect("a worker panicked"));
    }
    done
}

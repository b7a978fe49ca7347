//! Wrong: races the signal against taking *and processing* the next item.
//! When the signal wins, select! drops the losing branch, and with it item 1
//! half-processed: the worker is killed mid-item as surely as by abort().
//! expect: a graceful shutdown lets each worker finish the item it is on

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (stop, stopped) = watch::channel(false);
    let workers: Vec<JoinHandle<Vec<u32>>> = queues
        .into_iter()
        .map(|mut queue| {
            let mut stopped = stopped.clone();
            tokio::spawn(async move {
                let mut done = Vec::new();
                loop {
                    tokio::select! {
                        biased;
                        _ = stopped.wait_for(|&stop| stop) => break,
                        id = async {
                            let item = queue.next().await?;
                            item.process().await;
                            Some(item.id())
                        } => match id {
                            Some(id) => done.push(id),
                            None => break,
                        },
                    }
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

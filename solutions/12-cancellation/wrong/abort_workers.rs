//! Wrong: shuts down by aborting the workers. Worker A is killed in the
//! middle of item 1: the item is lost (rolled back), and A reports nothing.
//! A graceful shutdown asks the workers to stop and lets them finish.
//! expect: a graceful shutdown lets each worker finish the item it is on

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let workers: Vec<JoinHandle<Vec<u32>>> = queues
        .into_iter()
        .map(|mut queue| {
            tokio::spawn(async move {
                let mut done = Vec::new();
                while let Some(item) = queue.next().await {
                    item.process().await;
                    done.push(item.id());
                }
                done
            })
        })
        .collect();
    shutdown.await;
    for worker in &workers {
        worker.abort();
    }
    let mut done = Vec::new();
    for worker in workers {
        done.push(worker.await.unwrap_or_default());
    }
    done
}

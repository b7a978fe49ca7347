//! Wrong: detached shard threads; shutdown receives each map over a per-shard std channel,
//! in shard order, but never joins the threads, so it returns while they still run. Real
//! cause: shutdown waits for every shard's thread with JoinHandle::join.
//! expect: it did not join them

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<Mutex<std::sync::mpsc::Receiver<HashMap<u64, u64>>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            let (map_tx, map_rx) = std::sync::mpsc::channel();
            std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .build()
                        .unwrap();
                    let totals: Rc<RefCell<HashMap<u64, u64>>> = Rc::default();
                    let local = LocalSet::new();
                    let state = totals.clone();
                    local.spawn_local(async move {
                        while let Some((key, amount, reply)) = rx.recv().await {
                            let state = state.clone();
                            tokio::task::spawn_local(async move {
                                let total = {
                                    let mut t = state.borrow_mut();
                                    let e = t.entry(key).or_insert(0);
                                    *e += amount;
                                    *e
                                };
                                let _ = reply.send(Hit {
                                    total,
                                    shard: i,
                                    place: Place::here(),
                                });
                            });
                        }
                    });
                    rt.block_on(local);
                    let _ = map_tx.send(totals.take());
                })
                .unwrap();
            // the thread is detached: its map comes back by channel
            threads.push(Mutex::new(map_rx));
        }
        Shards { senders, threads }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let i = (key % self.senders.len() as u64) as usize;
        let (tx, rx) = oneshot::channel();
        self.senders[i].send((key, amount, tx)).unwrap();
        rx.await.unwrap()
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.senders);
        self.threads
            .into_iter()
            .map(|r| r.into_inner().unwrap().recv().unwrap())
            .collect()
    }
}

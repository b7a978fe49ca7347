//! Wrong: the shard answers (total, shard) and `add` builds the Hit with Place::here() on the
//! caller's side. Real cause: Place::here() must be called where the shard updates its state,
//! on the shard's thread.
//! expect: `add` only sends and awaits the answer

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<(u64, usize)>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        for i in 0..n {
            let (tx, mut rx) =
                mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<(u64, usize)>)>();
            senders.push(tx);
            let handle = std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .unwrap();
                    let totals: Rc<RefCell<HashMap<u64, u64>>> = Rc::default();
                    let local = LocalSet::new();
                    let state = totals.clone();
                    local.block_on(&rt, async move {
                        while let Some((key, amount, reply)) = rx.recv().await {
                            let total = {
                                let mut t = state.borrow_mut();
                                let e = t.entry(key).or_insert(0);
                                *e += amount;
                                *e
                            };
                            let _ = reply.send((total, i));
                        }
                    });
                    totals.take()
                })
                .unwrap();
            threads.push(handle);
        }
        Shards { senders, threads }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let i = (key % self.senders.len() as u64) as usize;
        let (tx, rx) = oneshot::channel();
        self.senders[i]
            .send((key, amount, tx))
            .expect("shard alive");
        let (total, shard) = rx.await.expect("shard answers");
        Hit {
            total,
            shard,
            place: Place::here(),
        }
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.senders);
        self.threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect()
    }
}

//! Wrong: shutdown destructures self and joins the threads before dropping the senders: each
//! shard's recv() never answers None, join blocks forever. Real cause: the channels must be
//! closed (senders dropped) before the threads are joined.
//! expect: drop the senders before joining the threads

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
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
                            let _ = reply.send(Hit {
                                total,
                                shard: i,
                                place: Place::here(),
                            });
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
        rx.await.expect("shard answers")
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        let Shards { senders, threads } = self;
        let maps = threads.into_iter().map(|t| t.join().unwrap()).collect();
        drop(senders); // closes every channel
        maps
    }
}

//! Wrong: shards hand in their final maps on one shared std channel; shutdown collects them in
//! arrival order, not shard order. Real cause: shutdown must return the maps in shard order.
//! expect: in the order the shards stopped

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<()>>,
    finals: std::sync::Mutex<std::sync::mpsc::Receiver<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            let done_tx = done_tx.clone();
            let handle = std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
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
                    // a shard hands in its totals when it stops
                    let _ = done_tx.send(totals.take());
                })
                .unwrap();
            threads.push(handle);
        }
        Shards {
            senders,
            threads,
            finals: std::sync::Mutex::new(done_rx),
        }
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
        let n = self.threads.len();
        drop(self.senders);
        let rx = self.finals.into_inner().unwrap();
        let maps: Vec<_> = (0..n).map(|_| rx.recv().unwrap()).collect();
        for t in self.threads {
            t.join().unwrap();
        }
        maps
    }
}

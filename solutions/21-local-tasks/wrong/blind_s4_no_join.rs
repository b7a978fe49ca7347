//! Wrong: detached shard threads; shutdown gets each map over a per-shard channel, in shard
//! order, but never joins the threads. Real cause: the README says shutdown joins each shard's
//! thread (JoinHandle::join).
//! expect: it did not join them

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    finals: Vec<std::sync::Mutex<std::sync::mpsc::Receiver<HashMap<u64, u64>>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut finals = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            let (done_tx, done_rx) = std::sync::mpsc::channel();
            finals.push(std::sync::Mutex::new(done_rx));
            // detached: the thread hands its totals back over a channel
            std::thread::Builder::new()
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
                    let _ = done_tx.send(totals.take());
                    // ... and some clean-up after, which nobody waits for
                    drop(local);
                    drop(rt);
                })
                .unwrap();
        }
        Shards { senders, finals }
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
        drop(self.senders);
        self.finals
            .into_iter()
            .map(|f| f.into_inner().unwrap().recv().unwrap())
            .collect()
    }
}

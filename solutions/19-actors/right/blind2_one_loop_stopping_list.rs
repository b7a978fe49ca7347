//! Right: one loop instead of a nested drain: a `Shutdown` closes the
//! mailbox and its reply waits in a list while the same loop handles what
//! is still queued; when recv() answers None, one read answers every
//! shutdown waiting (a second one queued behind the first gets the final
//! balance too: the README leaves that open).

impl Actor {
    async fn run(mut self) {
        // One loop: a shutdown closes the mailbox and waits in a list; the
        // loop goes on draining until recv() answers None.
        let mut waiting: Vec<oneshot::Sender<u64>> = Vec::new();
        loop {
            match self.rx.recv().await {
                Some(Msg::Shutdown { reply }) => {
                    self.rx.close();
                    waiting.push(reply);
                }
                Some(msg) => self.handle(msg).await,
                None => break,
            }
        }
        if !waiting.is_empty() {
            let balance = self.store.read().await;
            for reply in waiting {
                let _ = reply.send(balance);
            }
        }
    }

    /// One message, to the end, before the next: this is what serialises
    /// the read-modify-writes (the `.await`s inside cannot interleave).
    async fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::Deposit { amount, reply } => {
                let balance = self.store.read().await + amount;
                self.store.write(balance).await;
                if let Some(reply) = reply {
                    // The caller may have given up (dropped its receiver):
                    // that is no reason for the actor to fail.
                    let _ = reply.send(balance);
                }
            }
            Msg::Withdraw { amount, reply } => {
                let balance = self.store.read().await - amount;
                self.store.write(balance).await;
                let _ = reply.send(balance);
            }
            Msg::Balance { reply } => {
                let _ = reply.send(self.store.read().await);
            }
            Msg::Shutdown { reply } => {
                // Only `run` sees a shutdown; answer one anyway.
                let _ = reply.send(self.store.read().await);
            }
        }
    }
}

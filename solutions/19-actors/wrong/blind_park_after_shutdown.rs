//! Wrong: after answering the shutdown the actor parks for ever
//! (`pending().await`), still holding its Receiver ("an idle task costs
//! nothing"): the task never ends.
//! expect: a stopped actor returns from its task, which drops its Receiver

impl Actor {
    async fn run(mut self) {
        // `None` once every handle is dropped (and the mailbox is empty):
        // the task ends, nothing leaks.
        while let Some(msg) = self.rx.recv().await {
            if let Msg::Shutdown { reply } = msg {
                // Step 5: take no more, but answer what is already queued.
                self.rx.close();
                while let Some(queued) = self.rx.recv().await {
                    self.handle(queued).await;
                }
                let _ = reply.send(self.store.read().await);
                std::future::pending::<()>().await;
                return;
            }
            self.handle(msg).await;
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

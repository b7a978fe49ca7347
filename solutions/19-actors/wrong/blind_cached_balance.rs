//! Wrong: the actor reads the store once at start and keeps the balance in
//! a local variable; it writes through but never reads again (the README:
//! "Do not keep a copy"). Its deposits take 50 ms, not 100.
//! expect: keeps its own copy of the balance skips the reads

impl Actor {
    async fn run(mut self) {
        let mut copy = self.store.read().await;
        while let Some(msg) = self.rx.recv().await {
            if let Msg::Shutdown { reply } = msg {
                self.rx.close();
                while let Some(queued) = self.rx.recv().await {
                    self.handle(&mut copy, queued).await;
                }
                let _ = reply.send(copy);
                return;
            }
            self.handle(&mut copy, msg).await;
        }
    }

    async fn handle(&mut self, copy: &mut u64, msg: Msg) {
        match msg {
            Msg::Deposit { amount, reply } => {
                *copy += amount;
                self.store.write(*copy).await;
                if let Some(reply) = reply {
                    let _ = reply.send(*copy);
                }
            }
            Msg::Withdraw { amount, reply } => {
                *copy -= amount;
                self.store.write(*copy).await;
                let _ = reply.send(*copy);
            }
            Msg::Balance { reply } | Msg::Shutdown { reply } => {
                let _ = reply.send(*copy);
            }
        }
    }
}

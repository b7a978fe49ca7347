//! Right: the mailbox carries boxed closures over the store (each request is
//! a job that answers its own oneshot), so the actor's loop knows only "job"
//! and "stop". Other choices than the reference: a second `shutdown`
//! already queued behind the first is answered with the final balance too
//! (the README leaves it open), and `transfer` refuses at once with Stopped
//! if either actor's mailbox is already closed.

pub(crate) enum Msg {
    Job(
        Box<
            dyn FnOnce(
                    SlowCounter,
                )
                    -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>
                + Send,
        >,
    ),
    Stop(oneshot::Sender<u64>),
}

impl Actor {
    async fn run(mut self) {
        let mut stops = Vec::new();
        while let Some(mail) = self.rx.recv().await {
            match mail {
                Msg::Job(job) => job(self.store.clone()).await,
                Msg::Stop(reply) => {
                    if stops.is_empty() {
                        self.rx.close();
                    }
                    stops.push(reply);
                }
            }
        }
        // Every Sender gone, or closed and drained.
        if !stops.is_empty() {
            let last = self.store.read().await;
            for stop in stops {
                let _ = stop.send(last);
            }
        }
    }
}

impl Account {
    fn deposit_job(amount: u64, reply: Option<oneshot::Sender<u64>>) -> Msg {
        Msg::Job(Box::new(move |store: SlowCounter| {
            Box::pin(async move {
                let v = store.read().await + amount;
                store.write(v).await;
                if let Some(r) = reply {
                    let _ = r.send(v);
                }
            })
        }))
    }

    async fn ask(&self, mail: Msg, answer: oneshot::Receiver<u64>) -> Result<u64, ActorError> {
        self.mailbox
            .send(mail)
            .await
            .map_err(|_| ActorError::Stopped)?;
        answer.await.map_err(|_| ActorError::Stopped)
    }

    pub async fn deposit(&self, amount: u64) -> Result<u64, ActorError> {
        let (r, a) = oneshot::channel();
        self.ask(Self::deposit_job(amount, Some(r)), a).await
    }

    pub async fn withdraw(&self, amount: u64) -> Result<u64, ActorError> {
        let (r, a) = oneshot::channel();
        let job = Msg::Job(Box::new(move |store: SlowCounter| {
            Box::pin(async move {
                let v = store.read().await - amount;
                store.write(v).await;
                let _ = r.send(v);
            })
        }));
        self.ask(job, a).await
    }

    pub async fn balance(&self) -> Result<u64, ActorError> {
        let (r, a) = oneshot::channel();
        let job = Msg::Job(Box::new(move |store: SlowCounter| {
            Box::pin(async move {
                let _ = r.send(store.read().await);
            })
        }));
        self.ask(job, a).await
    }

    pub async fn shutdown(&self) -> Result<u64, ActorError> {
        let (r, a) = oneshot::channel();
        self.ask(Msg::Stop(r), a).await
    }

    pub async fn send_deposit(&self, amount: u64) -> Result<(), ActorError> {
        self.mailbox
            .send(Self::deposit_job(amount, None))
            .await
            .map_err(|_| ActorError::Stopped)
    }

    pub fn try_deposit(&self, amount: u64) -> Result<(), ActorError> {
        match self.mailbox.try_send(Self::deposit_job(amount, None)) {
            Ok(()) => Ok(()),
            Err(mpsc::error::TrySendError::Full(_)) => Err(ActorError::Full),
            Err(mpsc::error::TrySendError::Closed(_)) => Err(ActorError::Stopped),
        }
    }

    pub async fn transfer(&self, to: &Account, amount: u64) -> Result<(), ActorError> {
        if self.mailbox.is_closed() || to.mailbox.is_closed() {
            return Err(ActorError::Stopped);
        }
        self.withdraw(amount).await?;
        to.deposit(amount).await?;
        Ok(())
    }
}

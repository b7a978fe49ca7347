//! Right: no semaphore. The pool is a channel of slots, one per
//! connection: `Some(conn)` for an idle connection, `None` for a slot whose
//! connection was closed half-used. `acquire` takes the next slot off the
//! channel under its timeout (waiters queue fairly on the receiver's lock),
//! opening a connection for an empty slot; the guard sends its slot back on
//! drop, from a sync `Drop`, which an unbounded `send` allows.

pub struct Pool {
    db: Db,
    back: tokio::sync::mpsc::UnboundedSender<Option<Conn>>,
    slots: tokio::sync::Mutex<tokio::sync::mpsc::UnboundedReceiver<Option<Conn>>>,
}

pub struct PooledConn {
    /// `None` only while a fresh connection is opening: if that is
    /// cancelled, the empty slot still goes back.
    conn: Option<Conn>,
    back: tokio::sync::mpsc::UnboundedSender<Option<Conn>>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let (back, slots) = tokio::sync::mpsc::unbounded_channel();
        for _ in 0..size {
            back.send(Some(db.open()))
                .expect("the receiver is right here");
        }
        Pool {
            db,
            back,
            slots: tokio::sync::Mutex::new(slots),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let slot = timeout(wait, async { self.slots.lock().await.recv().await })
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("the pool holds a sender");
        let mut guard = PooledConn {
            conn: slot,
            back: self.back.clone(),
        };
        if guard.conn.is_none() {
            guard.conn = Some(self.db.connect().await);
        }
        Ok(guard)
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("set by acquire")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("set by acquire")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        let slot = match self.conn.take() {
            Some(conn) if conn.is_clean() => {
                conn.checked_in();
                Some(conn)
            }
            // Half-used: closed here; its slot goes back empty.
            _ => None,
        };
        // Fails only once the pool is gone, and its connections with it.
        let _ = self.back.send(slot);
    }
}

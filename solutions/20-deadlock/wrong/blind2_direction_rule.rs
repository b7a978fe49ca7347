//! Wrong: a rule for the direction, not a global order: a transfer into A
//! takes A first, every other one its source first. It orders the pair A,
//! B and the ring A->B, B->C, C->A alike (a blind examination's answer,
//! which passed while those were all step 1 ran), but B->C beside C->B
//! takes the two locks in opposite orders: a ring of two.
//! expect: in a ring (circular wait)

pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let (first, second) = if to.name() == "A" {
        (to, from)
    } else {
        (from, to)
    };
    let g1 = first.lock().await;
    let g2 = second.lock().await;
    let (mut gf, mut gt) = if to.name() == "A" { (g2, g1) } else { (g1, g2) };
    gf.withdraw(amount).await;
    gt.deposit(amount).await;
}

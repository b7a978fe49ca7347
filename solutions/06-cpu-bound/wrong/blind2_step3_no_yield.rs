//! Wrong: step 3 crunches the pieces but never yields between them: as blocking as inline.
//! Real cause: chopping without an .await that yields gives the other tasks no turn
//! expect: a beat came 440 ms late. Between pieces, yield

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
    }
    sum
}

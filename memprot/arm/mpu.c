/* memprot/arm/mpu.c: loading a region table into the MPU and reading it back (mpu.h). */
#include "memprot/arm/mpu.h"

#include "memprot/arm/regs.h"

unsigned mpu_dregion(void)
{
	return (MPU_TYPE >> 8) & 0xff;
}

int mpu_load(const struct mpu_arch *a, const struct mpu_region *t, size_t n, size_t *bad)
{
	unsigned dregion = mpu_dregion();
	struct mpu_regs regs;
	int err = mpu_check(a, t, n, dregion, bad);

	if (err < 0)
		return err;
	/* Reprogramming regions under an enabled MPU would run, for a few instructions, with
	 * a half-written map; the demo loads the map once, with the MPU off. */
	MPU_CTRL = 0;
	mpu_sync();
	if (a->mair0)
		MPU_MAIR0 = a->mair0;
	for (unsigned i = 0; i < dregion; i++) {
		MPU_RNR = i;
		if (i < n) {
			a->encode(&t[i], &regs);	/* cannot fail: mpu_check encoded it */
			MPU_RBAR = regs.rbar;
			MPU_RASR = regs.r2;		/* RLAR on PMSAv8: the same address */
		} else {
			MPU_RASR = 0;			/* ENABLE / EN clear */
		}
	}
	/* PRIVDEFENA clear: privileged code gets no default map either, so an address in
	 * no region faults at every privilege. HFNMIENA clear: HardFault and NMI handlers
	 * run without the MPU. */
	MPU_CTRL = MPU_CTRL_ENABLE;
	mpu_sync();
	return 0;
}

struct mpu_regs mpu_read(unsigned n)
{
	struct mpu_regs regs;

	MPU_RNR = n;
	regs.rbar = MPU_RBAR;
	regs.r2 = MPU_RASR;
	return regs;
}

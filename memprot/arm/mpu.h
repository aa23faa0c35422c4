/*
 * memprot/arm/mpu.h: MPU regions described once, encoded for the Cortex-M3's PMSAv7 or the
 * Cortex-M33's PMSAv8 (pmsav7.c, pmsav8.c: pure, register values only) and loaded into the
 * MPU (mpu.c). The two differ in what a region can be:
 *
 *              PMSAv7 (ARMv7-M)                     PMSAv8 (ARMv8-M)
 *   size       a power of two, 32 bytes..4 GB,      any multiple of 32 bytes
 *              base aligned to the size
 *   registers  RBAR base, RASR size+attributes      RBAR base+access, RLAR limit+attribute index
 *   access     AP: none, priv RW, priv RW/user RO,  AP: priv RW, RW, priv RO, RO
 *              RW, priv RO, RO                      (no "none", no "priv RW/user RO")
 *   overlap    allowed: the highest-numbered        an access that hits two enabled regions
 *              region that matches wins              faults
 *   memory     TEX/C/B/S bits in RASR               an index into the MAIR registers
 */
#ifndef MEMPROT_ARM_MPU_H
#define MEMPROT_ARM_MPU_H

#include <stddef.h>
#include <stdint.h>

enum mpu_access {
	ACC_NONE,	/* no access for anyone */
	ACC_PRW,	/* privileged read-write, unprivileged none */
	ACC_PRW_URO,	/* privileged read-write, unprivileged read-only */
	ACC_RW,		/* read-write for both */
	ACC_PRO,	/* privileged read-only, unprivileged none */
	ACC_RO,		/* read-only for both */
};

enum mpu_memory { MEM_NORMAL, MEM_DEVICE };

struct mpu_region {
	const char *name;
	uintptr_t base, end;	/* [base, end) */
	enum mpu_access access;
	int exec;		/* 0: execute-never (XN) */
	enum mpu_memory memory;
};

/* One region's register values: RBAR and RASR (PMSAv7) or RBAR and RLAR (PMSAv8). */
struct mpu_regs {
	uint32_t rbar, r2;
};

/* What a region's register values say, decoded. */
struct mpu_view {
	int enabled;
	uint32_t base, last;	/* [base, last] */
	const char *access;	/* "priv RW, user RO" */
	int exec;
	const char *memory;
};

enum mpu_err {
	MPU_OK,
	MPU_ESIZE,	/* PMSAv7: size not a power of two of at least 32 bytes */
	MPU_EALIGN,	/* base (or PMSAv8's end) not aligned as the architecture needs */
	MPU_EACCESS,	/* this access cannot be encoded by this architecture */
	MPU_ECOUNT,	/* more regions than the MPU has */
	MPU_EOVERLAP,	/* PMSAv8: two regions overlap */
};
const char *mpu_err_name(int err);

struct mpu_arch {
	const char *name;	/* "PMSAv7" */
	const char *r2_name;	/* "RASR" or "RLAR" */
	int overlap_ok;
	uint32_t mair0;		/* 0: the architecture has no MAIR registers */
	/* 0 or -enum mpu_err. */
	int (*encode)(const struct mpu_region *r, struct mpu_regs *out);
	void (*decode)(struct mpu_regs in, struct mpu_view *v);
};
extern const struct mpu_arch pmsav7, pmsav8;

/* The whole table's check without touching the MPU: each region encodes, the table fits
 * DREGION, regions overlap only where the architecture allows it. 0 or -enum mpu_err, and
 * *bad the index of the offending region. */
int mpu_check(const struct mpu_arch *a, const struct mpu_region *t, size_t n, unsigned dregion,
	      size_t *bad);

/* MPU_TYPE's DREGION field: how many data regions the MPU has (0: no MPU). */
unsigned mpu_dregion(void);
/* Program regions 0..n-1 from the table, disable the others, enable the MPU with
 * PRIVDEFENA clear (an address in no region faults, privileged or not). */
int mpu_load(const struct mpu_arch *a, const struct mpu_region *t, size_t n, size_t *bad);
/* Region N's registers as the MPU reads them back. */
struct mpu_regs mpu_read(unsigned n);

#endif

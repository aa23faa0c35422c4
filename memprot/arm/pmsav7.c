/*
 * memprot/arm/pmsav7.c: PMSAv7 (ARMv7-M, Cortex-M3) region encoding, pure.
 *   RBAR  [31:5] base (the low log2(size) bits must be zero), [4] VALID, [3:0] REGION
 *   RASR  [28] XN, [26:24] AP, [21:19] TEX, [18] S, [17] C, [16] B, [15:8] SRD (sub-region
 *         disable), [5:1] SIZE (the region is 2^(SIZE+1) bytes), [0] ENABLE
 * The region number goes to RNR (mpu.c), so RBAR's VALID stays clear.
 */
#include "memprot/arm/mpu.h"

#define RASR_XN     (1u << 28)
#define RASR_AP(x)  ((uint32_t)(x) << 24)
#define RASR_C      (1u << 17)
#define RASR_B      (1u << 16)
#define RASR_SIZE(x) ((uint32_t)(x) << 1)
#define RASR_ENABLE 1u

static const struct {
	uint8_t ap;
	const char *name;
} access_ap[] = {
	[ACC_NONE] = { 0, "priv --, user --" },
	[ACC_PRW] = { 1, "priv RW, user --" },
	[ACC_PRW_URO] = { 2, "priv RW, user RO" },
	[ACC_RW] = { 3, "priv RW, user RW" },
	[ACC_PRO] = { 5, "priv RO, user --" },
	[ACC_RO] = { 6, "priv RO, user RO" },
};

/* AP values read back; 4 is reserved, 7 means the same as 6. */
static const char *const ap_names[8] = {
	"priv --, user --", "priv RW, user --", "priv RW, user RO", "priv RW, user RW",
	"reserved", "priv RO, user --", "priv RO, user RO", "priv RO, user RO",
};

/* Memory types as TEX=000 with C and B: normal memory write-through (C), or shareable
 * device memory (B) for peripheral registers: no caching, no merging, no speculation. */
static const uint32_t memory_bits[] = {
	[MEM_NORMAL] = RASR_C,
	[MEM_DEVICE] = RASR_B,
};

static int pmsav7_encode(const struct mpu_region *r, struct mpu_regs *out)
{
	uint32_t size = (uint32_t)(r->end - r->base);
	unsigned log2 = 0;

	/* A 4 GB region has end - base == 0 in 32 bits: the table never needs one. */
	if (size < 32 || (size & (size - 1)))
		return -MPU_ESIZE;
	if (r->base & (size - 1))
		return -MPU_EALIGN;
	if ((size_t)r->access >= sizeof access_ap / sizeof access_ap[0])
		return -MPU_EACCESS;
	while ((1u << log2) != size)
		log2++;
	out->rbar = (uint32_t)r->base;
	out->r2 = (r->exec ? 0 : RASR_XN) | RASR_AP(access_ap[r->access].ap) |
		  memory_bits[r->memory] | RASR_SIZE(log2 - 1) | RASR_ENABLE;
	return 0;
}

static void pmsav7_decode(struct mpu_regs in, struct mpu_view *v)
{
	unsigned size_field = (in.r2 >> 1) & 0x1f;
	/* 2^(SIZE+1) bytes; SIZE=31 is the whole 4 GB, whose last byte is 0xffffffff. */
	uint32_t mask = size_field >= 31 ? 0xffffffffu : (2u << size_field) - 1;

	v->enabled = in.r2 & RASR_ENABLE;
	v->base = in.rbar & ~mask;
	v->last = v->base + mask;
	v->access = ap_names[(in.r2 >> 24) & 7];
	v->exec = !(in.r2 & RASR_XN);
	v->memory = (in.r2 & (RASR_C | RASR_B)) == RASR_B ? "device" : "normal";
}

const struct mpu_arch pmsav7 = {
	.name = "PMSAv7",
	.r2_name = "RASR",
	.overlap_ok = 1,
	.mair0 = 0,
	.encode = pmsav7_encode,
	.decode = pmsav7_decode,
};

/*
 * memprot/arm/pmsav8.c: PMSAv8 (ARMv8-M, Cortex-M33) region encoding, pure.
 *   RBAR  [31:5] base, [4:3] SH (shareability), [2:1] AP, [0] XN
 *   RLAR  [31:5] limit (the region's last 32-byte block: its last byte is limit | 0x1f),
 *         [3:1] AttrIndx (a byte of MAIR0/MAIR1), [0] EN
 * Base and limit are 32-byte granular, with no power-of-two rule; there is no "no access"
 * AP, so a guard is a gap between regions while PRIVDEFENA is clear.
 */
#include "memprot/arm/mpu.h"

#define RBAR_AP(x)   ((uint32_t)(x) << 1)
#define RBAR_XN      1u
#define RLAR_ATTR(x) ((uint32_t)(x) << 1)
#define RLAR_EN      1u

/* -1: not encodable. */
static const int8_t access_ap[] = {
	[ACC_NONE] = -1,
	[ACC_PRW] = 0,
	[ACC_PRW_URO] = -1,
	[ACC_RW] = 1,
	[ACC_PRO] = 2,
	[ACC_RO] = 3,
};
static const char *const ap_names[4] = {
	"priv RW, user --", "priv RW, user RW", "priv RO, user --", "priv RO, user RO",
};

/* MAIR0's attribute bytes. Attr0: normal memory, inner and outer write-through
 * non-transient with read allocation (0xaa), as PMSAv7's C bit gives on the M3.
 * Attr1: Device-nGnRE (0x04) for peripheral registers. */
enum { ATTR_NORMAL, ATTR_DEVICE };
static const uint8_t memory_attr[] = { [MEM_NORMAL] = ATTR_NORMAL, [MEM_DEVICE] = ATTR_DEVICE };
#define MAIR0_VALUE (0xaau << (8 * ATTR_NORMAL) | 0x04u << (8 * ATTR_DEVICE))

static int pmsav8_encode(const struct mpu_region *r, struct mpu_regs *out)
{
	if ((r->base & 31) || (r->end & 31))
		return -MPU_EALIGN;
	if (r->end <= r->base)
		return -MPU_ESIZE;
	if ((size_t)r->access >= sizeof access_ap / sizeof access_ap[0] || access_ap[r->access] < 0)
		return -MPU_EACCESS;
	out->rbar = (uint32_t)r->base | RBAR_AP(access_ap[r->access]) | (r->exec ? 0 : RBAR_XN);
	out->r2 = (uint32_t)(r->end - 32) | RLAR_ATTR(memory_attr[r->memory]) | RLAR_EN;
	return 0;
}

static void pmsav8_decode(struct mpu_regs in, struct mpu_view *v)
{
	v->enabled = in.r2 & RLAR_EN;
	v->base = in.rbar & ~31u;
	v->last = in.r2 | 31u;
	v->access = ap_names[(in.rbar >> 1) & 3];
	v->exec = !(in.rbar & RBAR_XN);
	v->memory = ((in.r2 >> 1) & 7) == ATTR_DEVICE ? "device" : "normal";
}

const struct mpu_arch pmsav8 = {
	.name = "PMSAv8",
	.r2_name = "RLAR",
	.overlap_ok = 0,
	.mair0 = MAIR0_VALUE,
	.encode = pmsav8_encode,
	.decode = pmsav8_decode,
};

/* bdx — CJK radical to unified ideograph, sorted by radical.
 *
 * GENERATED FILE, do not edit: scripts/gen-radicals.py from the Unicode
 * 15.0.0 Character Database files CJKRadicals-15.0.0.txt and
 * EquivalentUnifiedIdeograph-15.0.0.txt, with NFKC for the Kangxi radicals.
 * Regenerate with:
 *   scripts/gen-radicals.py UCD/CJKRadicals.txt UCD/EquivalentUnifiedIdeograph.txt
 *
 * 328 entries; included by src/text.c and its unit test.
 */
#ifndef BDX_RADICALS_TABLE_H
#define BDX_RADICALS_TABLE_H

#include <glib.h>

#define BDX_RADICALS_UNICODE_VERSION "15.0.0"

static const struct {
  gunichar radical;
  gunichar ideograph;
} bdx_radicals_table[] = {
  { 0x2E81, 0x5382 }, /* ⺁ 厂 CLIFF; EquivalentUnifiedIdeograph */
  { 0x2E82, 0x4E5B }, /* ⺂ 乛 SECOND ONE; EquivalentUnifiedIdeograph */
  { 0x2E83, 0x4E5A }, /* ⺃ 乚 SECOND TWO; EquivalentUnifiedIdeograph */
  { 0x2E84, 0x4E59 }, /* ⺄ 乙 SECOND THREE; EquivalentUnifiedIdeograph */
  { 0x2E85, 0x4EBB }, /* ⺅ 亻 PERSON; EquivalentUnifiedIdeograph */
  { 0x2E86, 0x5182 }, /* ⺆ 冂 BOX; EquivalentUnifiedIdeograph */
  { 0x2E87, 0x20628 }, /* ⺇ 𠘨 TABLE; EquivalentUnifiedIdeograph */
  { 0x2E88, 0x5200 }, /* ⺈ 刀 KNIFE ONE; EquivalentUnifiedIdeograph */
  { 0x2E89, 0x5202 }, /* ⺉ 刂 KNIFE TWO; EquivalentUnifiedIdeograph */
  { 0x2E8A, 0x535C }, /* ⺊ 卜 DIVINATION; EquivalentUnifiedIdeograph */
  { 0x2E8B, 0x353E }, /* ⺋ 㔾 SEAL; EquivalentUnifiedIdeograph */
  { 0x2E8C, 0x5C0F }, /* ⺌ 小 SMALL ONE; EquivalentUnifiedIdeograph */
  { 0x2E8D, 0x5C0F }, /* ⺍ 小 SMALL TWO; EquivalentUnifiedIdeograph */
  { 0x2E8E, 0x5140 }, /* ⺎ 兀 LAME ONE; EquivalentUnifiedIdeograph */
  { 0x2E8F, 0x5C23 }, /* ⺏ 尣 LAME TWO; EquivalentUnifiedIdeograph */
  { 0x2E90, 0x5C22 }, /* ⺐ 尢 LAME THREE; EquivalentUnifiedIdeograph */
  { 0x2E91, 0x21BC2 }, /* ⺑ 𡯂 LAME FOUR; EquivalentUnifiedIdeograph */
  { 0x2E92, 0x5DF3 }, /* ⺒ 巳 SNAKE; EquivalentUnifiedIdeograph */
  { 0x2E93, 0x5E7A }, /* ⺓ 幺 THREAD; EquivalentUnifiedIdeograph */
  { 0x2E94, 0x5F51 }, /* ⺔ 彑 SNOUT ONE; EquivalentUnifiedIdeograph */
  { 0x2E95, 0x2B739 }, /* ⺕ 𫜹 SNOUT TWO; EquivalentUnifiedIdeograph */
  { 0x2E96, 0x5FC4 }, /* ⺖ 忄 HEART ONE; EquivalentUnifiedIdeograph */
  { 0x2E97, 0x5FC3 }, /* ⺗ 心 HEART TWO; EquivalentUnifiedIdeograph */
  { 0x2E98, 0x624C }, /* ⺘ 扌 HAND; EquivalentUnifiedIdeograph */
  { 0x2E99, 0x6535 }, /* ⺙ 攵 RAP; EquivalentUnifiedIdeograph */
  { 0x2E9B, 0x65E1 }, /* ⺛ 旡 CHOKE; EquivalentUnifiedIdeograph */
  { 0x2E9C, 0x65E5 }, /* ⺜ 日 SUN; EquivalentUnifiedIdeograph */
  { 0x2E9D, 0x6708 }, /* ⺝ 月 MOON; EquivalentUnifiedIdeograph */
  { 0x2E9E, 0x6B7A }, /* ⺞ 歺 DEATH; EquivalentUnifiedIdeograph */
  { 0x2E9F, 0x6BCD }, /* ⺟ 母 MOTHER; NFKC */
  { 0x2EA0, 0x6C11 }, /* ⺠ 民 CIVILIAN; EquivalentUnifiedIdeograph */
  { 0x2EA1, 0x6C35 }, /* ⺡ 氵 WATER ONE; EquivalentUnifiedIdeograph */
  { 0x2EA2, 0x6C3A }, /* ⺢ 氺 WATER TWO; EquivalentUnifiedIdeograph */
  { 0x2EA3, 0x706C }, /* ⺣ 灬 FIRE; EquivalentUnifiedIdeograph */
  { 0x2EA4, 0x722B }, /* ⺤ 爫 PAW ONE; EquivalentUnifiedIdeograph */
  { 0x2EA5, 0x722B }, /* ⺥ 爫 PAW TWO; EquivalentUnifiedIdeograph */
  { 0x2EA6, 0x4E2C }, /* ⺦ 丬 SIMPLIFIED HALF TREE TRUNK; CJKRadicals 90' */
  { 0x2EA7, 0x725B }, /* ⺧ 牛 COW; EquivalentUnifiedIdeograph */
  { 0x2EA8, 0x72AD }, /* ⺨ 犭 DOG; EquivalentUnifiedIdeograph */
  { 0x2EA9, 0x738B }, /* ⺩ 王 JADE; EquivalentUnifiedIdeograph */
  { 0x2EAA, 0x24D14 }, /* ⺪ 𤴔 BOLT OF CLOTH; EquivalentUnifiedIdeograph */
  { 0x2EAB, 0x76EE }, /* ⺫ 目 EYE; EquivalentUnifiedIdeograph */
  { 0x2EAC, 0x793A }, /* ⺬ 示 SPIRIT ONE; EquivalentUnifiedIdeograph */
  { 0x2EAD, 0x793B }, /* ⺭ 礻 SPIRIT TWO; EquivalentUnifiedIdeograph */
  { 0x2EAE, 0x25AD7 }, /* ⺮ 𥫗 BAMBOO; EquivalentUnifiedIdeograph */
  { 0x2EAF, 0x7CF9 }, /* ⺯ 糹 SILK; EquivalentUnifiedIdeograph */
  { 0x2EB0, 0x7E9F }, /* ⺰ 纟 C-SIMPLIFIED SILK; CJKRadicals 120' */
  { 0x2EB1, 0x7F53 }, /* ⺱ 罓 NET ONE; EquivalentUnifiedIdeograph */
  { 0x2EB2, 0x7F52 }, /* ⺲ 罒 NET TWO; EquivalentUnifiedIdeograph */
  { 0x2EB3, 0x34C1 }, /* ⺳ 㓁 NET THREE; EquivalentUnifiedIdeograph */
  { 0x2EB4, 0x5197 }, /* ⺴ 冗 NET FOUR; EquivalentUnifiedIdeograph */
  { 0x2EB5, 0x2626B }, /* ⺵ 𦉫 MESH; EquivalentUnifiedIdeograph */
  { 0x2EB6, 0x7F8A }, /* ⺶ 羊 SHEEP; EquivalentUnifiedIdeograph */
  { 0x2EB7, 0x2634C }, /* ⺷ 𦍌 RAM; EquivalentUnifiedIdeograph */
  { 0x2EB8, 0x2634B }, /* ⺸ 𦍋 EWE; EquivalentUnifiedIdeograph */
  { 0x2EB9, 0x8002 }, /* ⺹ 耂 OLD; EquivalentUnifiedIdeograph */
  { 0x2EBA, 0x8080 }, /* ⺺ 肀 BRUSH ONE; EquivalentUnifiedIdeograph */
  { 0x2EBB, 0x807F }, /* ⺻ 聿 BRUSH TWO; EquivalentUnifiedIdeograph */
  { 0x2EBC, 0x8089 }, /* ⺼ 肉 MEAT; EquivalentUnifiedIdeograph */
  { 0x2EBD, 0x26951 }, /* ⺽ 𦥑 MORTAR; EquivalentUnifiedIdeograph */
  { 0x2EBE, 0x8279 }, /* ⺾ 艹 GRASS ONE; EquivalentUnifiedIdeograph */
  { 0x2EBF, 0x8279 }, /* ⺿ 艹 GRASS TWO; EquivalentUnifiedIdeograph */
  { 0x2EC0, 0x8279 }, /* ⻀ 艹 GRASS THREE; EquivalentUnifiedIdeograph */
  { 0x2EC1, 0x864E }, /* ⻁ 虎 TIGER; EquivalentUnifiedIdeograph */
  { 0x2EC2, 0x8864 }, /* ⻂ 衤 CLOTHES; EquivalentUnifiedIdeograph */
  { 0x2EC3, 0x8980 }, /* ⻃ 覀 WEST ONE; EquivalentUnifiedIdeograph */
  { 0x2EC4, 0x897F }, /* ⻄ 西 WEST TWO; EquivalentUnifiedIdeograph */
  { 0x2EC5, 0x89C1 }, /* ⻅ 见 C-SIMPLIFIED SEE; CJKRadicals 147' */
  { 0x2EC6, 0x89D2 }, /* ⻆ 角 SIMPLIFIED HORN; EquivalentUnifiedIdeograph */
  { 0x2EC7, 0x278B2 }, /* ⻇ 𧢲 HORN; EquivalentUnifiedIdeograph */
  { 0x2EC8, 0x8BA0 }, /* ⻈ 讠 C-SIMPLIFIED SPEECH; CJKRadicals 149' */
  { 0x2EC9, 0x8D1D }, /* ⻉ 贝 C-SIMPLIFIED SHELL; CJKRadicals 154' */
  { 0x2ECA, 0x27FB7 }, /* ⻊ 𧾷 FOOT; EquivalentUnifiedIdeograph */
  { 0x2ECB, 0x8F66 }, /* ⻋ 车 C-SIMPLIFIED CART; CJKRadicals 159' */
  { 0x2ECC, 0x8FB6 }, /* ⻌ 辶 SIMPLIFIED WALK; CJKRadicals 162' */
  { 0x2ECD, 0x8FB6 }, /* ⻍ 辶 WALK ONE; EquivalentUnifiedIdeograph */
  { 0x2ECE, 0x8FB6 }, /* ⻎ 辶 WALK TWO; EquivalentUnifiedIdeograph */
  { 0x2ECF, 0x9091 }, /* ⻏ 邑 CITY; EquivalentUnifiedIdeograph */
  { 0x2ED0, 0x9485 }, /* ⻐ 钅 C-SIMPLIFIED GOLD; CJKRadicals 167' */
  { 0x2ED1, 0x9577 }, /* ⻑ 長 LONG ONE; EquivalentUnifiedIdeograph */
  { 0x2ED2, 0x9578 }, /* ⻒ 镸 LONG TWO; EquivalentUnifiedIdeograph */
  { 0x2ED3, 0x957F }, /* ⻓ 长 C-SIMPLIFIED LONG; CJKRadicals 168' */
  { 0x2ED4, 0x95E8 }, /* ⻔ 门 C-SIMPLIFIED GATE; CJKRadicals 169' */
  { 0x2ED5, 0x28E0F }, /* ⻕ 𨸏 MOUND ONE; EquivalentUnifiedIdeograph */
  { 0x2ED6, 0x961D }, /* ⻖ 阝 MOUND TWO; EquivalentUnifiedIdeograph */
  { 0x2ED7, 0x96E8 }, /* ⻗ 雨 RAIN; EquivalentUnifiedIdeograph */
  { 0x2ED8, 0x9752 }, /* ⻘ 青 BLUE; EquivalentUnifiedIdeograph */
  { 0x2ED9, 0x97E6 }, /* ⻙ 韦 C-SIMPLIFIED TANNED LEATHER; CJKRadicals 178' */
  { 0x2EDA, 0x9875 }, /* ⻚ 页 C-SIMPLIFIED LEAF; CJKRadicals 181' */
  { 0x2EDB, 0x98CE }, /* ⻛ 风 C-SIMPLIFIED WIND; CJKRadicals 182' */
  { 0x2EDC, 0x98DE }, /* ⻜ 飞 C-SIMPLIFIED FLY; CJKRadicals 183' */
  { 0x2EDD, 0x98DF }, /* ⻝ 食 EAT ONE; EquivalentUnifiedIdeograph */
  { 0x2EDE, 0x2967F }, /* ⻞ 𩙿 EAT TWO; EquivalentUnifiedIdeograph */
  { 0x2EDF, 0x98E0 }, /* ⻟ 飠 EAT THREE; EquivalentUnifiedIdeograph */
  { 0x2EE0, 0x9963 }, /* ⻠ 饣 C-SIMPLIFIED EAT; CJKRadicals 184' */
  { 0x2EE1, 0x29810 }, /* ⻡ 𩠐 HEAD; EquivalentUnifiedIdeograph */
  { 0x2EE2, 0x9A6C }, /* ⻢ 马 C-SIMPLIFIED HORSE; CJKRadicals 187' */
  { 0x2EE3, 0x9AA8 }, /* ⻣ 骨 BONE; EquivalentUnifiedIdeograph */
  { 0x2EE4, 0x9B3C }, /* ⻤ 鬼 GHOST; EquivalentUnifiedIdeograph */
  { 0x2EE5, 0x9C7C }, /* ⻥ 鱼 C-SIMPLIFIED FISH; CJKRadicals 195' */
  { 0x2EE6, 0x9E1F }, /* ⻦ 鸟 C-SIMPLIFIED BIRD; CJKRadicals 196' */
  { 0x2EE7, 0x5364 }, /* ⻧ 卤 C-SIMPLIFIED SALT; CJKRadicals 197' */
  { 0x2EE8, 0x9EA6 }, /* ⻨ 麦 SIMPLIFIED WHEAT; CJKRadicals 199' */
  { 0x2EE9, 0x9EC4 }, /* ⻩ 黄 SIMPLIFIED YELLOW; CJKRadicals 201' */
  { 0x2EEA, 0x9EFE }, /* ⻪ 黾 C-SIMPLIFIED FROG; CJKRadicals 205' */
  { 0x2EEB, 0x6589 }, /* ⻫ 斉 J-SIMPLIFIED EVEN; EquivalentUnifiedIdeograph */
  { 0x2EEC, 0x9F50 }, /* ⻬ 齐 C-SIMPLIFIED EVEN; CJKRadicals 210' */
  { 0x2EED, 0x6B6F }, /* ⻭ 歯 J-SIMPLIFIED TOOTH; EquivalentUnifiedIdeograph */
  { 0x2EEE, 0x9F7F }, /* ⻮ 齿 C-SIMPLIFIED TOOTH; CJKRadicals 211' */
  { 0x2EEF, 0x7ADC }, /* ⻯ 竜 J-SIMPLIFIED DRAGON; EquivalentUnifiedIdeograph */
  { 0x2EF0, 0x9F99 }, /* ⻰ 龙 C-SIMPLIFIED DRAGON; CJKRadicals 212' */
  { 0x2EF1, 0x9F9C }, /* ⻱ 龜 TURTLE; EquivalentUnifiedIdeograph */
  { 0x2EF2, 0x4E80 }, /* ⻲ 亀 J-SIMPLIFIED TURTLE; EquivalentUnifiedIdeograph */
  { 0x2EF3, 0x9F9F }, /* ⻳ 龟 C-SIMPLIFIED TURTLE; CJKRadicals 213' */
  { 0x2F00, 0x4E00 }, /* ⼀ 一 ONE; CJKRadicals 1 */
  { 0x2F01, 0x4E28 }, /* ⼁ 丨 LINE; CJKRadicals 2 */
  { 0x2F02, 0x4E36 }, /* ⼂ 丶 DOT; CJKRadicals 3 */
  { 0x2F03, 0x4E3F }, /* ⼃ 丿 SLASH; CJKRadicals 4 */
  { 0x2F04, 0x4E59 }, /* ⼄ 乙 SECOND; CJKRadicals 5 */
  { 0x2F05, 0x4E85 }, /* ⼅ 亅 HOOK; CJKRadicals 6 */
  { 0x2F06, 0x4E8C }, /* ⼆ 二 TWO; CJKRadicals 7 */
  { 0x2F07, 0x4EA0 }, /* ⼇ 亠 LID; CJKRadicals 8 */
  { 0x2F08, 0x4EBA }, /* ⼈ 人 MAN; CJKRadicals 9 */
  { 0x2F09, 0x513F }, /* ⼉ 儿 LEGS; CJKRadicals 10 */
  { 0x2F0A, 0x5165 }, /* ⼊ 入 ENTER; CJKRadicals 11 */
  { 0x2F0B, 0x516B }, /* ⼋ 八 EIGHT; CJKRadicals 12 */
  { 0x2F0C, 0x5182 }, /* ⼌ 冂 DOWN BOX; CJKRadicals 13 */
  { 0x2F0D, 0x5196 }, /* ⼍ 冖 COVER; CJKRadicals 14 */
  { 0x2F0E, 0x51AB }, /* ⼎ 冫 ICE; CJKRadicals 15 */
  { 0x2F0F, 0x51E0 }, /* ⼏ 几 TABLE; CJKRadicals 16 */
  { 0x2F10, 0x51F5 }, /* ⼐ 凵 OPEN BOX; CJKRadicals 17 */
  { 0x2F11, 0x5200 }, /* ⼑ 刀 KNIFE; CJKRadicals 18 */
  { 0x2F12, 0x529B }, /* ⼒ 力 POWER; CJKRadicals 19 */
  { 0x2F13, 0x52F9 }, /* ⼓ 勹 WRAP; CJKRadicals 20 */
  { 0x2F14, 0x5315 }, /* ⼔ 匕 SPOON; CJKRadicals 21 */
  { 0x2F15, 0x531A }, /* ⼕ 匚 RIGHT OPEN BOX; CJKRadicals 22 */
  { 0x2F16, 0x5338 }, /* ⼖ 匸 HIDING ENCLOSURE; CJKRadicals 23 */
  { 0x2F17, 0x5341 }, /* ⼗ 十 TEN; CJKRadicals 24 */
  { 0x2F18, 0x535C }, /* ⼘ 卜 DIVINATION; CJKRadicals 25 */
  { 0x2F19, 0x5369 }, /* ⼙ 卩 SEAL; CJKRadicals 26 */
  { 0x2F1A, 0x5382 }, /* ⼚ 厂 CLIFF; CJKRadicals 27 */
  { 0x2F1B, 0x53B6 }, /* ⼛ 厶 PRIVATE; CJKRadicals 28 */
  { 0x2F1C, 0x53C8 }, /* ⼜ 又 AGAIN; CJKRadicals 29 */
  { 0x2F1D, 0x53E3 }, /* ⼝ 口 MOUTH; CJKRadicals 30 */
  { 0x2F1E, 0x56D7 }, /* ⼞ 囗 ENCLOSURE; CJKRadicals 31 */
  { 0x2F1F, 0x571F }, /* ⼟ 土 EARTH; CJKRadicals 32 */
  { 0x2F20, 0x58EB }, /* ⼠ 士 SCHOLAR; CJKRadicals 33 */
  { 0x2F21, 0x5902 }, /* ⼡ 夂 GO; CJKRadicals 34 */
  { 0x2F22, 0x590A }, /* ⼢ 夊 GO SLOWLY; CJKRadicals 35 */
  { 0x2F23, 0x5915 }, /* ⼣ 夕 EVENING; CJKRadicals 36 */
  { 0x2F24, 0x5927 }, /* ⼤ 大 BIG; CJKRadicals 37 */
  { 0x2F25, 0x5973 }, /* ⼥ 女 WOMAN; CJKRadicals 38 */
  { 0x2F26, 0x5B50 }, /* ⼦ 子 CHILD; CJKRadicals 39 */
  { 0x2F27, 0x5B80 }, /* ⼧ 宀 ROOF; CJKRadicals 40 */
  { 0x2F28, 0x5BF8 }, /* ⼨ 寸 INCH; CJKRadicals 41 */
  { 0x2F29, 0x5C0F }, /* ⼩ 小 SMALL; CJKRadicals 42 */
  { 0x2F2A, 0x5C22 }, /* ⼪ 尢 LAME; CJKRadicals 43 */
  { 0x2F2B, 0x5C38 }, /* ⼫ 尸 CORPSE; CJKRadicals 44 */
  { 0x2F2C, 0x5C6E }, /* ⼬ 屮 SPROUT; CJKRadicals 45 */
  { 0x2F2D, 0x5C71 }, /* ⼭ 山 MOUNTAIN; CJKRadicals 46 */
  { 0x2F2E, 0x5DDB }, /* ⼮ 巛 RIVER; CJKRadicals 47 */
  { 0x2F2F, 0x5DE5 }, /* ⼯ 工 WORK; CJKRadicals 48 */
  { 0x2F30, 0x5DF1 }, /* ⼰ 己 ONESELF; CJKRadicals 49 */
  { 0x2F31, 0x5DFE }, /* ⼱ 巾 TURBAN; CJKRadicals 50 */
  { 0x2F32, 0x5E72 }, /* ⼲ 干 DRY; CJKRadicals 51 */
  { 0x2F33, 0x5E7A }, /* ⼳ 幺 SHORT THREAD; CJKRadicals 52 */
  { 0x2F34, 0x5E7F }, /* ⼴ 广 DOTTED CLIFF; CJKRadicals 53 */
  { 0x2F35, 0x5EF4 }, /* ⼵ 廴 LONG STRIDE; CJKRadicals 54 */
  { 0x2F36, 0x5EFE }, /* ⼶ 廾 TWO HANDS; CJKRadicals 55 */
  { 0x2F37, 0x5F0B }, /* ⼷ 弋 SHOOT; CJKRadicals 56 */
  { 0x2F38, 0x5F13 }, /* ⼸ 弓 BOW; CJKRadicals 57 */
  { 0x2F39, 0x5F50 }, /* ⼹ 彐 SNOUT; CJKRadicals 58 */
  { 0x2F3A, 0x5F61 }, /* ⼺ 彡 BRISTLE; CJKRadicals 59 */
  { 0x2F3B, 0x5F73 }, /* ⼻ 彳 STEP; CJKRadicals 60 */
  { 0x2F3C, 0x5FC3 }, /* ⼼ 心 HEART; CJKRadicals 61 */
  { 0x2F3D, 0x6208 }, /* ⼽ 戈 HALBERD; CJKRadicals 62 */
  { 0x2F3E, 0x6236 }, /* ⼾ 戶 DOOR; CJKRadicals 63 */
  { 0x2F3F, 0x624B }, /* ⼿ 手 HAND; CJKRadicals 64 */
  { 0x2F40, 0x652F }, /* ⽀ 支 BRANCH; CJKRadicals 65 */
  { 0x2F41, 0x6534 }, /* ⽁ 攴 RAP; CJKRadicals 66 */
  { 0x2F42, 0x6587 }, /* ⽂ 文 SCRIPT; CJKRadicals 67 */
  { 0x2F43, 0x6597 }, /* ⽃ 斗 DIPPER; CJKRadicals 68 */
  { 0x2F44, 0x65A4 }, /* ⽄ 斤 AXE; CJKRadicals 69 */
  { 0x2F45, 0x65B9 }, /* ⽅ 方 SQUARE; CJKRadicals 70 */
  { 0x2F46, 0x65E0 }, /* ⽆ 无 NOT; CJKRadicals 71 */
  { 0x2F47, 0x65E5 }, /* ⽇ 日 SUN; CJKRadicals 72 */
  { 0x2F48, 0x66F0 }, /* ⽈ 曰 SAY; CJKRadicals 73 */
  { 0x2F49, 0x6708 }, /* ⽉ 月 MOON; CJKRadicals 74 */
  { 0x2F4A, 0x6728 }, /* ⽊ 木 TREE; CJKRadicals 75 */
  { 0x2F4B, 0x6B20 }, /* ⽋ 欠 LACK; CJKRadicals 76 */
  { 0x2F4C, 0x6B62 }, /* ⽌ 止 STOP; CJKRadicals 77 */
  { 0x2F4D, 0x6B79 }, /* ⽍ 歹 DEATH; CJKRadicals 78 */
  { 0x2F4E, 0x6BB3 }, /* ⽎ 殳 WEAPON; CJKRadicals 79 */
  { 0x2F4F, 0x6BCB }, /* ⽏ 毋 DO NOT; CJKRadicals 80 */
  { 0x2F50, 0x6BD4 }, /* ⽐ 比 COMPARE; CJKRadicals 81 */
  { 0x2F51, 0x6BDB }, /* ⽑ 毛 FUR; CJKRadicals 82 */
  { 0x2F52, 0x6C0F }, /* ⽒ 氏 CLAN; CJKRadicals 83 */
  { 0x2F53, 0x6C14 }, /* ⽓ 气 STEAM; CJKRadicals 84 */
  { 0x2F54, 0x6C34 }, /* ⽔ 水 WATER; CJKRadicals 85 */
  { 0x2F55, 0x706B }, /* ⽕ 火 FIRE; CJKRadicals 86 */
  { 0x2F56, 0x722A }, /* ⽖ 爪 CLAW; CJKRadicals 87 */
  { 0x2F57, 0x7236 }, /* ⽗ 父 FATHER; CJKRadicals 88 */
  { 0x2F58, 0x723B }, /* ⽘ 爻 DOUBLE X; CJKRadicals 89 */
  { 0x2F59, 0x723F }, /* ⽙ 爿 HALF TREE TRUNK; CJKRadicals 90 */
  { 0x2F5A, 0x7247 }, /* ⽚ 片 SLICE; CJKRadicals 91 */
  { 0x2F5B, 0x7259 }, /* ⽛ 牙 FANG; CJKRadicals 92 */
  { 0x2F5C, 0x725B }, /* ⽜ 牛 COW; CJKRadicals 93 */
  { 0x2F5D, 0x72AC }, /* ⽝ 犬 DOG; CJKRadicals 94 */
  { 0x2F5E, 0x7384 }, /* ⽞ 玄 PROFOUND; CJKRadicals 95 */
  { 0x2F5F, 0x7389 }, /* ⽟ 玉 JADE; CJKRadicals 96 */
  { 0x2F60, 0x74DC }, /* ⽠ 瓜 MELON; CJKRadicals 97 */
  { 0x2F61, 0x74E6 }, /* ⽡ 瓦 TILE; CJKRadicals 98 */
  { 0x2F62, 0x7518 }, /* ⽢ 甘 SWEET; CJKRadicals 99 */
  { 0x2F63, 0x751F }, /* ⽣ 生 LIFE; CJKRadicals 100 */
  { 0x2F64, 0x7528 }, /* ⽤ 用 USE; CJKRadicals 101 */
  { 0x2F65, 0x7530 }, /* ⽥ 田 FIELD; CJKRadicals 102 */
  { 0x2F66, 0x758B }, /* ⽦ 疋 BOLT OF CLOTH; CJKRadicals 103 */
  { 0x2F67, 0x7592 }, /* ⽧ 疒 SICKNESS; CJKRadicals 104 */
  { 0x2F68, 0x7676 }, /* ⽨ 癶 DOTTED TENT; CJKRadicals 105 */
  { 0x2F69, 0x767D }, /* ⽩ 白 WHITE; CJKRadicals 106 */
  { 0x2F6A, 0x76AE }, /* ⽪ 皮 SKIN; CJKRadicals 107 */
  { 0x2F6B, 0x76BF }, /* ⽫ 皿 DISH; CJKRadicals 108 */
  { 0x2F6C, 0x76EE }, /* ⽬ 目 EYE; CJKRadicals 109 */
  { 0x2F6D, 0x77DB }, /* ⽭ 矛 SPEAR; CJKRadicals 110 */
  { 0x2F6E, 0x77E2 }, /* ⽮ 矢 ARROW; CJKRadicals 111 */
  { 0x2F6F, 0x77F3 }, /* ⽯ 石 STONE; CJKRadicals 112 */
  { 0x2F70, 0x793A }, /* ⽰ 示 SPIRIT; CJKRadicals 113 */
  { 0x2F71, 0x79B8 }, /* ⽱ 禸 TRACK; CJKRadicals 114 */
  { 0x2F72, 0x79BE }, /* ⽲ 禾 GRAIN; CJKRadicals 115 */
  { 0x2F73, 0x7A74 }, /* ⽳ 穴 CAVE; CJKRadicals 116 */
  { 0x2F74, 0x7ACB }, /* ⽴ 立 STAND; CJKRadicals 117 */
  { 0x2F75, 0x7AF9 }, /* ⽵ 竹 BAMBOO; CJKRadicals 118 */
  { 0x2F76, 0x7C73 }, /* ⽶ 米 RICE; CJKRadicals 119 */
  { 0x2F77, 0x7CF8 }, /* ⽷ 糸 SILK; CJKRadicals 120 */
  { 0x2F78, 0x7F36 }, /* ⽸ 缶 JAR; CJKRadicals 121 */
  { 0x2F79, 0x7F51 }, /* ⽹ 网 NET; CJKRadicals 122 */
  { 0x2F7A, 0x7F8A }, /* ⽺ 羊 SHEEP; CJKRadicals 123 */
  { 0x2F7B, 0x7FBD }, /* ⽻ 羽 FEATHER; CJKRadicals 124 */
  { 0x2F7C, 0x8001 }, /* ⽼ 老 OLD; CJKRadicals 125 */
  { 0x2F7D, 0x800C }, /* ⽽ 而 AND; CJKRadicals 126 */
  { 0x2F7E, 0x8012 }, /* ⽾ 耒 PLOW; CJKRadicals 127 */
  { 0x2F7F, 0x8033 }, /* ⽿ 耳 EAR; CJKRadicals 128 */
  { 0x2F80, 0x807F }, /* ⾀ 聿 BRUSH; CJKRadicals 129 */
  { 0x2F81, 0x8089 }, /* ⾁ 肉 MEAT; CJKRadicals 130 */
  { 0x2F82, 0x81E3 }, /* ⾂ 臣 MINISTER; CJKRadicals 131 */
  { 0x2F83, 0x81EA }, /* ⾃ 自 SELF; CJKRadicals 132 */
  { 0x2F84, 0x81F3 }, /* ⾄ 至 ARRIVE; CJKRadicals 133 */
  { 0x2F85, 0x81FC }, /* ⾅ 臼 MORTAR; CJKRadicals 134 */
  { 0x2F86, 0x820C }, /* ⾆ 舌 TONGUE; CJKRadicals 135 */
  { 0x2F87, 0x821B }, /* ⾇ 舛 OPPOSE; CJKRadicals 136 */
  { 0x2F88, 0x821F }, /* ⾈ 舟 BOAT; CJKRadicals 137 */
  { 0x2F89, 0x826E }, /* ⾉ 艮 STOPPING; CJKRadicals 138 */
  { 0x2F8A, 0x8272 }, /* ⾊ 色 COLOR; CJKRadicals 139 */
  { 0x2F8B, 0x8278 }, /* ⾋ 艸 GRASS; CJKRadicals 140 */
  { 0x2F8C, 0x864D }, /* ⾌ 虍 TIGER; CJKRadicals 141 */
  { 0x2F8D, 0x866B }, /* ⾍ 虫 INSECT; CJKRadicals 142 */
  { 0x2F8E, 0x8840 }, /* ⾎ 血 BLOOD; CJKRadicals 143 */
  { 0x2F8F, 0x884C }, /* ⾏ 行 WALK ENCLOSURE; CJKRadicals 144 */
  { 0x2F90, 0x8863 }, /* ⾐ 衣 CLOTHES; CJKRadicals 145 */
  { 0x2F91, 0x897E }, /* ⾑ 襾 WEST; CJKRadicals 146 */
  { 0x2F92, 0x898B }, /* ⾒ 見 SEE; CJKRadicals 147 */
  { 0x2F93, 0x89D2 }, /* ⾓ 角 HORN; CJKRadicals 148 */
  { 0x2F94, 0x8A00 }, /* ⾔ 言 SPEECH; CJKRadicals 149 */
  { 0x2F95, 0x8C37 }, /* ⾕ 谷 VALLEY; CJKRadicals 150 */
  { 0x2F96, 0x8C46 }, /* ⾖ 豆 BEAN; CJKRadicals 151 */
  { 0x2F97, 0x8C55 }, /* ⾗ 豕 PIG; CJKRadicals 152 */
  { 0x2F98, 0x8C78 }, /* ⾘ 豸 BADGER; CJKRadicals 153 */
  { 0x2F99, 0x8C9D }, /* ⾙ 貝 SHELL; CJKRadicals 154 */
  { 0x2F9A, 0x8D64 }, /* ⾚ 赤 RED; CJKRadicals 155 */
  { 0x2F9B, 0x8D70 }, /* ⾛ 走 RUN; CJKRadicals 156 */
  { 0x2F9C, 0x8DB3 }, /* ⾜ 足 FOOT; CJKRadicals 157 */
  { 0x2F9D, 0x8EAB }, /* ⾝ 身 BODY; CJKRadicals 158 */
  { 0x2F9E, 0x8ECA }, /* ⾞ 車 CART; CJKRadicals 159 */
  { 0x2F9F, 0x8F9B }, /* ⾟ 辛 BITTER; CJKRadicals 160 */
  { 0x2FA0, 0x8FB0 }, /* ⾠ 辰 MORNING; CJKRadicals 161 */
  { 0x2FA1, 0x8FB5 }, /* ⾡ 辵 WALK; CJKRadicals 162 */
  { 0x2FA2, 0x9091 }, /* ⾢ 邑 CITY; CJKRadicals 163 */
  { 0x2FA3, 0x9149 }, /* ⾣ 酉 WINE; CJKRadicals 164 */
  { 0x2FA4, 0x91C6 }, /* ⾤ 釆 DISTINGUISH; CJKRadicals 165 */
  { 0x2FA5, 0x91CC }, /* ⾥ 里 VILLAGE; CJKRadicals 166 */
  { 0x2FA6, 0x91D1 }, /* ⾦ 金 GOLD; CJKRadicals 167 */
  { 0x2FA7, 0x9577 }, /* ⾧ 長 LONG; CJKRadicals 168 */
  { 0x2FA8, 0x9580 }, /* ⾨ 門 GATE; CJKRadicals 169 */
  { 0x2FA9, 0x961C }, /* ⾩ 阜 MOUND; CJKRadicals 170 */
  { 0x2FAA, 0x96B6 }, /* ⾪ 隶 SLAVE; CJKRadicals 171 */
  { 0x2FAB, 0x96B9 }, /* ⾫ 隹 SHORT TAILED BIRD; CJKRadicals 172 */
  { 0x2FAC, 0x96E8 }, /* ⾬ 雨 RAIN; CJKRadicals 173 */
  { 0x2FAD, 0x9751 }, /* ⾭ 靑 BLUE; CJKRadicals 174 */
  { 0x2FAE, 0x975E }, /* ⾮ 非 WRONG; CJKRadicals 175 */
  { 0x2FAF, 0x9762 }, /* ⾯ 面 FACE; CJKRadicals 176 */
  { 0x2FB0, 0x9769 }, /* ⾰ 革 LEATHER; CJKRadicals 177 */
  { 0x2FB1, 0x97CB }, /* ⾱ 韋 TANNED LEATHER; CJKRadicals 178 */
  { 0x2FB2, 0x97ED }, /* ⾲ 韭 LEEK; CJKRadicals 179 */
  { 0x2FB3, 0x97F3 }, /* ⾳ 音 SOUND; CJKRadicals 180 */
  { 0x2FB4, 0x9801 }, /* ⾴ 頁 LEAF; CJKRadicals 181 */
  { 0x2FB5, 0x98A8 }, /* ⾵ 風 WIND; CJKRadicals 182 */
  { 0x2FB6, 0x98DB }, /* ⾶ 飛 FLY; CJKRadicals 183 */
  { 0x2FB7, 0x98DF }, /* ⾷ 食 EAT; CJKRadicals 184 */
  { 0x2FB8, 0x9996 }, /* ⾸ 首 HEAD; CJKRadicals 185 */
  { 0x2FB9, 0x9999 }, /* ⾹ 香 FRAGRANT; CJKRadicals 186 */
  { 0x2FBA, 0x99AC }, /* ⾺ 馬 HORSE; CJKRadicals 187 */
  { 0x2FBB, 0x9AA8 }, /* ⾻ 骨 BONE; CJKRadicals 188 */
  { 0x2FBC, 0x9AD8 }, /* ⾼ 高 TALL; CJKRadicals 189 */
  { 0x2FBD, 0x9ADF }, /* ⾽ 髟 HAIR; CJKRadicals 190 */
  { 0x2FBE, 0x9B25 }, /* ⾾ 鬥 FIGHT; CJKRadicals 191 */
  { 0x2FBF, 0x9B2F }, /* ⾿ 鬯 SACRIFICIAL WINE; CJKRadicals 192 */
  { 0x2FC0, 0x9B32 }, /* ⿀ 鬲 CAULDRON; CJKRadicals 193 */
  { 0x2FC1, 0x9B3C }, /* ⿁ 鬼 GHOST; CJKRadicals 194 */
  { 0x2FC2, 0x9B5A }, /* ⿂ 魚 FISH; CJKRadicals 195 */
  { 0x2FC3, 0x9CE5 }, /* ⿃ 鳥 BIRD; CJKRadicals 196 */
  { 0x2FC4, 0x9E75 }, /* ⿄ 鹵 SALT; CJKRadicals 197 */
  { 0x2FC5, 0x9E7F }, /* ⿅ 鹿 DEER; CJKRadicals 198 */
  { 0x2FC6, 0x9EA5 }, /* ⿆ 麥 WHEAT; CJKRadicals 199 */
  { 0x2FC7, 0x9EBB }, /* ⿇ 麻 HEMP; CJKRadicals 200 */
  { 0x2FC8, 0x9EC3 }, /* ⿈ 黃 YELLOW; CJKRadicals 201 */
  { 0x2FC9, 0x9ECD }, /* ⿉ 黍 MILLET; CJKRadicals 202 */
  { 0x2FCA, 0x9ED1 }, /* ⿊ 黑 BLACK; CJKRadicals 203 */
  { 0x2FCB, 0x9EF9 }, /* ⿋ 黹 EMBROIDERY; CJKRadicals 204 */
  { 0x2FCC, 0x9EFD }, /* ⿌ 黽 FROG; CJKRadicals 205 */
  { 0x2FCD, 0x9F0E }, /* ⿍ 鼎 TRIPOD; CJKRadicals 206 */
  { 0x2FCE, 0x9F13 }, /* ⿎ 鼓 DRUM; CJKRadicals 207 */
  { 0x2FCF, 0x9F20 }, /* ⿏ 鼠 RAT; CJKRadicals 208 */
  { 0x2FD0, 0x9F3B }, /* ⿐ 鼻 NOSE; CJKRadicals 209 */
  { 0x2FD1, 0x9F4A }, /* ⿑ 齊 EVEN; CJKRadicals 210 */
  { 0x2FD2, 0x9F52 }, /* ⿒ 齒 TOOTH; CJKRadicals 211 */
  { 0x2FD3, 0x9F8D }, /* ⿓ 龍 DRAGON; CJKRadicals 212 */
  { 0x2FD4, 0x9F9C }, /* ⿔ 龜 TURTLE; CJKRadicals 213 */
  { 0x2FD5, 0x9FA0 }, /* ⿕ 龠 FLUTE; CJKRadicals 214 */
};

#endif

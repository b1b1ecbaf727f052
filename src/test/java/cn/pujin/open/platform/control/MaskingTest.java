package cn.pujin.open.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {

    @Test
    void phoneKeepsPrefixAndTail() {
        assertEquals("138****8000", Masking.phone("13800138000"));
    }

    @Test
    void namesFollowTheGongshiConvention() {
        assertEquals("张*明", Masking.name("张小明"));
        assertEquals("张*", Masking.name("张三"));
        assertEquals("欧**明", Masking.name("欧阳小明"));
        assertEquals("李*", Masking.name("李"));
        assertEquals("𠀋*明", Masking.name("𠀋小明"), "characters outside the BMP count as one");
    }
}

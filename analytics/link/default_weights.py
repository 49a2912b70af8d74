"""Weights of the linker's scorer, learned from synthetic reports and the hand-written
tuning sets (dev, dev10, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9) by
``benchmarks/train_link_model.py --reports 10000 --seed 7 --handwritten-weight 100``.
Regenerate them after changing a comparison's levels or the normaliser."""

DEFAULT_WEIGHTS = {'coef': [9.0355, 4.2702, 0.0, 8.5492, 6.0509, 6.0509, 6.0509, 5.7218, -2.5265,
          4.0804, 2.5736, 1.1349, 2.5736, -1.7871, 2.8471, 2.6775, 0.9417, 0.0,
          0.5589, 1.6036, 0.115, -0.6966, 0.991, 0.4188, -1.9286, 2.6799,
          2.6799, -0.6919, 6.4129, -0.7692, 0.0, 1.6811, 0.4582, -0.3362,
          -2.4494, 1.2911, 0.9549, -0.0087, -0.3961, 0.4452, 0.4452, 0.1284,
          -0.9675, 0.5987, 0.389, 1.6879],
 'intercept': -4.3191,
 'layout': [['SamePhone', ['null', 'same', 'fragment', 'different']],
            ['PlateFits',
             ['null', 'same', 'fits', 'misread', 'one_off', 'partial',
              'different']],
            ['SimilarVehicle',
             ['null', 'same', 'near', 'model_colour_differs', 'similar',
              'different']],
            ['SharedMarks', ['null', 'same', 'similar', 'some', 'different']],
            ['SimilarDescription',
             ['null', 'same', 'similar', 'some', 'different']],
            ['AgeAndHeightFit', ['null', 'both_fit', 'one_fits', 'clash']],
            ['SameName', ['null', 'same', 'similar', 'different']],
            ['SameHandle', ['null', 'same', 'similar', 'different']],
            ['SameHarmPattern',
             ['null', 'same', 'rare_shared', 'common_shared', 'none_shared']],
            ['NearInSpaceAndTime',
             ['null', 'near_soon', 'near', 'nearby', 'far']],
            ['CloseInTime',
             ['null', 'within_month', 'within_season', 'within_year',
              'years_apart']]]}
